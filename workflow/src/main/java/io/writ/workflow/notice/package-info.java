/**
 * Delivering notices: the courier that takes due notices from the outbox (in-app messages, mail, webhook) and warns
 * of windows about to end, and the desk where people read their in-app messages.
 */
package io.writ.workflow.notice;
