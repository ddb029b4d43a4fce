/**
 * The Keycloak adapter: one admin session shared by the adapter of each identity port; the only package that
 * imports org.keycloak. The admin client runs over Payara's Jersey.
 */
package io.writ.workflow.keycloak;
