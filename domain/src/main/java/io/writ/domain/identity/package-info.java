/** Identities as the identity provider knows them, and the port through which the model reads and changes them. */
package io.writ.domain.identity;
