/** Readiness checks reported at /health/ready: database, process engine, Keycloak. */
package io.writ.web.health;
