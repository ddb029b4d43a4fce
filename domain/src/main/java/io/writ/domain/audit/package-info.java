/**
 * The audit trail: who did what to which writ, ticket or setting, when and why; chained by hash, each record sealing
 * the one before it, signed at checkpoints, and verified by walking the chain.
 */
package io.writ.domain.audit;
