/** The OpenAPI 3.1 document, generated from the routes as they are registered, so it cannot drift. */
package io.collections.adapter.http.openapi;
