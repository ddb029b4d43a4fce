/** The catalogue of privileged entitlements that can be asked for, and the policy each carries. */
package io.writ.domain.entitlement;
