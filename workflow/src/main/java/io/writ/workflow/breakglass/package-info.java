/** Break-glass: access at once on the word of the one who broke the glass, announced, short, rotated and reviewed. */
package io.writ.workflow.breakglass;
