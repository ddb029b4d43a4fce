/** Alerts: the detection rules over privileged sessions, what containment did, and security's triage. */
package io.writ.domain.alert;
