/** The application service of writs: submit, decide, grant, end and revoke, each in one transaction. */
package io.writ.workflow.writ;
