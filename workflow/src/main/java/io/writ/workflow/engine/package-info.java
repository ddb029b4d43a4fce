/** The embedded Camunda engine: built on the container's datasource and transactions, with a managed job executor. */
package io.writ.workflow.engine;
