/**
 * The catalog fetch benchmark: {@link io.collections.bench.fetch.FetchThroughput} runs a provider's real fetcher
 * against a {@link io.collections.bench.fetch.FakePlatform} of that provider on loopback. A new platform's fake is
 * one class and one line in {@link io.collections.bench.fetch.FakePlatforms}.
 */
package io.collections.bench.fetch;
