/** The outgoing webhook: notices as signed JSON for chat tools and other systems. */
package io.writ.workflow.webhook;
