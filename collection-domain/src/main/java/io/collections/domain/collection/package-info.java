/** The collection aggregate: its lifecycle, its sort orders, its membership and the repository port. */
package io.collections.domain.collection;
