/**
 * Configuration, wiring by hand and the entry points of the runnable jar: serve the API, mint a token, dry-run a
 * fetch. The object graph is written out in one place, {@link io.collections.bootstrap.Wiring}.
 */
package io.collections.bootstrap;
