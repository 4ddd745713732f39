/**
 * In-memory adapters of every port, for tests and for embedding without a database. They pass the same
 * contract tests as the JDBC adapters; a transaction holds one lock and undoes its writes when it fails.
 */
package io.collections.application.memory;
