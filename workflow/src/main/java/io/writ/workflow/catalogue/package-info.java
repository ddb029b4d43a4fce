/** Administering the entitlement catalogue: adding entitlements and revising their policy, audited. */
package io.writ.workflow.catalogue;
