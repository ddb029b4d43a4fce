/** The Keycloak adapter: the only package that imports org.keycloak; the admin client runs over Payara's Jersey. */
package io.writ.workflow.keycloak;
