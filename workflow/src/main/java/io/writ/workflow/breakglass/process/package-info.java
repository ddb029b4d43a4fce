/** The break-glass process of each emergency writ: starting it, its own delegates, and the review task. */
package io.writ.workflow.breakglass.process;
