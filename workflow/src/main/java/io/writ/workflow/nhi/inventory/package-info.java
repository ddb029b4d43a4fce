/**
 * Writ's own NHI inventory, kept from Keycloak: a reconciliation of the whole realm at start and on a schedule, and
 * Keycloak's admin events in between, so that a change shows within seconds and a look asks Keycloak nothing.
 */
package io.writ.workflow.nhi.inventory;
