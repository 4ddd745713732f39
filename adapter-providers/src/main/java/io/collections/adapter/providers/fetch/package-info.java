/**
 * The provider-neutral part of a catalog fetch: settings, the paging loop's guard, validation into pages, and the
 * summary. A fetcher ({@code shopify}, {@code woocommerce}, {@code googlemerchant}, {@code algolia}) is written as:
 *
 * <pre>{@code
 * FetchRun run = new FetchRun(outbound.session(provider, client, secrets), account, settings.pageCap(), clock);
 * do {
 *     PageBuilder page = run.newPage();                    // counts the page, enforces the page cap
 *     MyPage answer = run.call(request, handler);          // retries under the one policy
 *     for (JsonNode p : answer.products()) {
 *         page.add(idOf(p), timesOf(p), () -> mapping(p)); // skips: no id, no name, bad price, invalid value
 *     }
 *     run.emit(page, pages);                               // a page of repeats ends the fetch
 *     run.follow(answer.nextCursor());                     // a repeated cursor ends the fetch
 * } while (answer.hasMore());
 * return run.summary();
 * }</pre>
 *
 * <p>{@link io.collections.adapter.providers.fetch.JsonStreams} streams bodies so that only one product at a time is
 * a tree; {@link io.collections.adapter.providers.fetch.Prices} parses prices exactly (texts, Google micros, JSON
 * numbers) and throws {@link io.collections.adapter.providers.fetch.ProductRejected} with
 * {@link io.collections.adapter.providers.fetch.SkipReasons#UNPARSABLE_PRICE}, which the page counts as a skip.
 * {@link io.collections.adapter.providers.fetch.ProviderTimestamps} reads the providers' timestamps into a
 * {@link io.collections.adapter.providers.fetch.SourceTimes}, null where they do not parse (never a skip).
 * {@link io.collections.adapter.providers.fetch.ProviderSettings} carries what bootstrap configures.
 */
package io.collections.adapter.providers.fetch;
