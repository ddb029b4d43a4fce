/**
 * Session evidence and alerts as use cases: ingesting reported events (linking, scope checks, detection), and
 * containing and triaging the alerts they raise.
 */
package io.writ.workflow.sessions;
