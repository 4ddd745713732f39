/** Pulling a merchant's catalog from a provider: the accounts, the pages of products and the source port. */
package io.collections.domain.catalog;
