/** A small HTTP load generator for the running server, used by {@code bench/load.sh}. */
package io.collections.bench.load;
