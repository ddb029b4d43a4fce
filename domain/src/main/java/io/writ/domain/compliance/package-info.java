/**
 * Compliance: the framework catalogue, the mapping of the portal's own controls to framework controls (versioned),
 * and the live evidence figures that show each portal control working over a period.
 */
package io.writ.domain.compliance;
