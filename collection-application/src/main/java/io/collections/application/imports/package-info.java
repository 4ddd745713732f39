/**
 * Importing a merchant's catalog from a provider into a new collection: the use case, background jobs that any
 * instance can take over, the per-client limits, and the sealing of credentials while a job waits.
 */
package io.collections.application.imports;
