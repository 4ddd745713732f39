/** Use cases on collections and their members. */
package io.collections.application.collection;
