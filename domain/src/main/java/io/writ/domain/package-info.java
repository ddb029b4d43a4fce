/** The Writ model: writs, entitlements, identities and the ports through which the model reaches the outside. */
package io.writ.domain;
