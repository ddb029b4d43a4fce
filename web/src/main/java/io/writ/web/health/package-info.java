/** Readiness checks reported at /health/ready: database, process engine, Keycloak, and how notices get out. */
package io.writ.web.health;
