/** The audit trail: who did what to which writ, ticket or setting, when and why. */
package io.writ.domain.audit;
