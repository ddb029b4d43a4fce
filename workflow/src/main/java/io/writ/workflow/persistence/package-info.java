/**
 * The database adapter: schema migrations (Flyway) and JPA implementations of the model's repository ports. The
 * repositories are stateless EJBs so that their entity manager is injected whatever thread first uses them: the
 * process engine's job threads as well as requests.
 */
package io.writ.workflow.persistence;
