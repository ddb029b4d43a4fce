/** Privileged sessions as evidence: reported events, the writ each session is linked to, and its scope checks. */
package io.writ.domain.session;
