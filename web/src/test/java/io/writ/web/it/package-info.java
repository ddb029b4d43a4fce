/** Integration tests on Payara Micro against the real Keycloak the build starts, and browser tests in Chromium. */
package io.writ.web.it;
