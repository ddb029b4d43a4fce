/**
 * Writs as the application serves them: what people ask of them (WritDesk), what they may read (WritQueries), the
 * one observer that records what happened to a writ in the audit trail and the outbox (WritEventRecorder); the
 * process's own steps are in the process sub-package.
 */
package io.writ.workflow.writ;
