/** The figures of the home page per role: what awaits whom, and how well just-in-time privilege is working. */
package io.writ.workflow.dashboard;
