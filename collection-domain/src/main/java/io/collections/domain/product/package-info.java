/** Products of a client's catalog, the attributes rules look at, and the catalog port. */
package io.collections.domain.product;
