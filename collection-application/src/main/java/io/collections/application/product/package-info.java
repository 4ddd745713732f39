/** Use cases on the catalog: products one at a time and in batches. */
package io.collections.application.product;
