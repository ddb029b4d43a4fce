/** The REST API v1 (docs/api.md), described at /openapi. */
package io.writ.web.api;
