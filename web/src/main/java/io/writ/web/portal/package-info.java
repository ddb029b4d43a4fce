/**
 * The pages of requesters and approvers: ask for access, follow and end one's writs, decide on others' writs. Each
 * backing bean is one use case that calls the application service; the rules stay in the model.
 */
package io.writ.web.portal;
