/**
 * What the people of a writ are told, and who: notices recorded with the change they are about, kept until
 * delivered (in-app message, mail, webhook), and the in-app messages people read in the portal.
 */
package io.writ.domain.notice;
