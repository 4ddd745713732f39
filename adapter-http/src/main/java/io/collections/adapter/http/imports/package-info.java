/**
 * The integration routes: {@code POST /v1/collections/integrations/{provider}} (an import, at once or in the
 * background) and {@code GET /v1/imports/{id}} (a background import's progress), added to the API as an
 * {@link io.collections.adapter.http.ApiModule}.
 */
package io.collections.adapter.http.imports;
