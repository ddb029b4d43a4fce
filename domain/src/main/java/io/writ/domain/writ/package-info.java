/** The writ: a ticket-backed, approved, time-bound elevation, its approvals, its grant and the rules of its life. */
package io.writ.domain.writ;
