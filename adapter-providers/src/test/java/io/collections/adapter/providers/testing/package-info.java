/** Test helpers shared by the fetcher tests: fake time and outbound HTTP pointed at MockWebServer. */
package io.collections.adapter.providers.testing;
