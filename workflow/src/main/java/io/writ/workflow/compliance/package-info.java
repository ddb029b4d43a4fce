/**
 * The compliance officer's work: the framework catalogue read from the repository's data files, the mapping and its
 * edits, the live evidence for a period, and the exports (CSV, XLSX, PDF, OSCAL, evidence bundle).
 */
package io.writ.workflow.compliance;
