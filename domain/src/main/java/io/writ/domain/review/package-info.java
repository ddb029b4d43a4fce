/**
 * Access reviews: campaigns that put every standing assignment and NHI credential before its reviewer with the
 * usage evidence of the period, and the decisions (keep, revoke, convert to just-in-time) taken on them.
 */
package io.writ.domain.review;
