package io.collections.adapter.providers.fetch;

import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;

/**
 * Ends a paging loop that does not advance, instead of hanging: a cursor seen before, a page made only of products
 * already fetched, or more pages than the cap. Memory stays bounded: it remembers the last 1,024 cursors and the
 * last 65,536 to 131,072 product ids (as 64-bit hashes), enough to catch a page that repeats or an id that recurs
 * nearby, as the WooCommerce same-date ordering trap does.
 */
public final class PagingGuard {
    static final int CURSOR_MEMORY = 1_024;
    static final int ID_MEMORY = 65_536;

    private final String provider;
    private final int pageCap;
    private final RecentIds cursors = new RecentIds(CURSOR_MEMORY);
    private final RecentIds ids = new RecentIds(ID_MEMORY);
    private int pages;

    public PagingGuard(String provider, int pageCap) {
        this.provider = provider;
        this.pageCap = pageCap;
    }

    /** Counts a page about to be requested; past the cap, the fetch ends. */
    public void nextPage() {
        if (pages >= pageCap) {
            throw loop("asked for more than " + pageCap + " pages; stopping, the paging does not seem to end");
        }
        pages++;
    }

    /** Checks a cursor (page token, {@code endCursor}, page number) before it is followed. */
    public void follow(String cursor) {
        if (cursor != null && !cursor.isEmpty() && !cursors.add(cursor)) {
            throw loop("returned a cursor it had already returned; stopping, the paging does not advance");
        }
    }

    /** True the first time an id is seen (as far as memory reaches); false for a repeat. */
    public boolean firstSighting(String externalId) {
        return ids.add(externalId);
    }

    /** True when an id was seen before (as far as memory reaches), without counting this as a sighting. */
    public boolean seen(String externalId) {
        return ids.contains(externalId);
    }

    /** Ends the fetch when a non-empty page held only products already fetched. */
    public void checkAdvanced(int read, int repeated) {
        if (read > 0 && repeated == read) {
            throw loop("returned a page of " + read + " products all fetched before; stopping, the paging does not"
                    + " advance");
        }
    }

    public int pages() {
        return pages;
    }

    private CatalogFetchException loop(String message) {
        return new CatalogFetchException(provider, Reason.UNAVAILABLE, message);
    }
}
