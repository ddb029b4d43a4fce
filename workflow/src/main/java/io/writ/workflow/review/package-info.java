/** Access review campaigns as use cases: collecting the items from Keycloak and the NHI inventory, decisions, the deadline, the cadence schedule. */
package io.writ.workflow.review;
