/**
 * Session evidence: ingesting reported events (linking each to the writ that covered it, scope checks, detection)
 * and watching Keycloak's logins; the alerts they raise are contained and triaged in the containment package.
 */
package io.writ.workflow.sessions;
