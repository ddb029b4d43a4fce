/** Mail through the configured SMTP server (Jakarta Mail, as Payara provides it): the adapter of the Notifier port. */
package io.writ.workflow.mail;
