/** The containment process of each alert: starting it, its delegates, and completing security's triage task. */
package io.writ.workflow.containment.process;
