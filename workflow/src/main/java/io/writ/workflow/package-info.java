/** The embedded process engine, its delegates, and the adapters that connect the model to Keycloak and the database. */
package io.writ.workflow;
