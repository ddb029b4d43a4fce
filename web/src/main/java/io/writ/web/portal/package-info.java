/**
 * The pages of requesters, approvers and administrators: ask for access, follow and end one's writs, decide on
 * others' writs, keep the entitlement catalogue and the ticket registry. Each backing bean is one use case that calls
 * the application service; the rules stay in the model.
 */
package io.writ.web.portal;
