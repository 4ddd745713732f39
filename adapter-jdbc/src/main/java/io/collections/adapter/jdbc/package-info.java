/**
 * The persistence adapter: every port of the domain and application kept in H2 or PostgreSQL through JDBI, with
 * Flyway migrations, one schema for both databases, and membership kept exact in the caller's transaction.
 */
package io.collections.adapter.jdbc;
