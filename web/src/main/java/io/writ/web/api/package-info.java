/** The REST API v1 (CONTRACT.md), described at /openapi. */
package io.writ.web.api;
