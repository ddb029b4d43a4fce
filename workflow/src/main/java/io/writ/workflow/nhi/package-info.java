/** Non-human identities as use cases: the inventory with its findings, and rotating their secrets. */
package io.writ.workflow.nhi;
