/** The database adapter: schema migrations (Flyway) and JPA implementations of the model's repository ports. */
package io.writ.workflow.persistence;
