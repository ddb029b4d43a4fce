/** Change and incident tickets that justify a writ, and the port through which the model asks about them. */
package io.writ.domain.ticket;
