/** The credential-rotation process of each NHI: starting it and its delegates. */
package io.writ.workflow.nhi.rotation;
