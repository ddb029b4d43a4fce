/** The elevation-request process as the application drives it, and the delegates its model calls by bean name. */
package io.writ.workflow.writ.process;
