/** Alerts and their containment: raised from session evidence, contained at once or on request, triaged by security. */
package io.writ.workflow.containment;
