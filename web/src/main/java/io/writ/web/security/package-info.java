/** Who is calling: Keycloak OpenID Connect login for pages, verified bearer tokens for the API, the portal's roles. */
package io.writ.web.security;
