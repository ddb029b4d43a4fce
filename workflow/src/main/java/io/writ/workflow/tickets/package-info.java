/** The built-in ticket system: a configurable reference format and a registry of tickets with their state. */
package io.writ.workflow.tickets;
