/**
 * Stand-ins for the ports (the database, Keycloak, the audit trail, the outbox), held in memory, so the application
 * services are tested with the model's rules and without a container. They keep what they were told, so a test
 * asserts what a user would check: the writ's state, what Keycloak holds, what the audit trail and the outbox say.
 */
package io.writ.workflow.fakes;
