/**
 * Bastions: the hosts people reach privileged systems through. A bastion asks whether a login may happen
 * ({@link io.writ.domain.bastion.LoginDecision}): only under an ACTIVE writ for an entitlement the bastion serves
 * whose declared targets name it. A refused login is kept ({@link io.writ.domain.bastion.LoginRefusal}) for the
 * security desk.
 */
package io.writ.domain.bastion;
