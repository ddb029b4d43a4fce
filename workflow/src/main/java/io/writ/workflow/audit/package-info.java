/**
 * The audit trail's use cases: verifying the chain (and recording that it was verified), reading the latest records
 * and checkpoints, the checkpoint key file, and the timer that signs the chain's end in quiet times.
 */
package io.writ.workflow.audit;
