/**
 * The import job table and the per-client import limits on a database shared by every instance: each operation
 * commits on its own connection, outside the import's long transaction.
 */
package io.collections.adapter.jdbc.imports;
