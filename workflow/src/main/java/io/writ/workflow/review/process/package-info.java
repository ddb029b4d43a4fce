/** The access-review-campaign process of each campaign: starting it and its delegates. */
package io.writ.workflow.review.process;
