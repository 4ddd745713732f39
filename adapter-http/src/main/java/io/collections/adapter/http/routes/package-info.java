/**
 * The routes of the API, one {@code EndpointGroup} per area, and what every route shares: authentication,
 * body reading, idempotency keys, paging links, ETags, the central error mapping, request logging and metrics.
 */
package io.collections.adapter.http.routes;
