/**
 * Step-up: how strongly a person signed in ({@link io.writ.domain.stepup.SignIn}, from the token's {@code acr} and
 * {@code auth_time}), and the rule that the riskiest entitlements are asked for and decided on only after a recent
 * sign-in with a second factor ({@link io.writ.domain.stepup.StepUp}).
 */
package io.writ.domain.stepup;
