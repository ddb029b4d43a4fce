/** The process models shipped with Writ and the ids by which Java refers to them. */
package io.writ.bpmn;
