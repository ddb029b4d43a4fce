/**
 * Benchmarks, run on demand against a running portal and Keycloak (scripts/benchmark.sh), not by ./test.sh; they
 * write their figures to BENCHMARKS.md.
 */
package io.writ.web.bench;
