/**
 * Bastions ask the portal at each login whether a writ opens it, and while their sessions live whether the writs
 * that admitted them still stand: {@link io.writ.workflow.bastion.BastionDesk}.
 */
package io.writ.workflow.bastion;
