/**
 * Identities as the identity provider knows them, and the ports through which the model reads and changes them:
 * identities and contacts, access assignments, NHI clients, login records.
 */
package io.writ.domain.identity;
