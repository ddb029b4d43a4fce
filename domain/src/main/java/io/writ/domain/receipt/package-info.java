/**
 * Receipts: the proof of a writ's grant and revocation. Each step is measured when it happened (see
 * {@link io.writ.domain.writ.Grant}), and each change in the identity provider is corroborated by the provider's
 * own record of it ({@link io.writ.domain.receipt.Corroboration}): a receipt whose record is missing or disagrees
 * is flagged, and an entitlement put back behind Writ's back during or after a writ raises an alert.
 */
package io.writ.domain.receipt;
