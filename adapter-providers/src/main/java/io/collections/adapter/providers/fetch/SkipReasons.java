package io.collections.adapter.providers.fetch;

/** The reasons a product is skipped, as counted in a fetch's summary; the same words for every provider. */
public final class SkipReasons {
    public static final String MISSING_EXTERNAL_ID = "missing external id";
    public static final String MISSING_NAME = "missing name";
    public static final String UNPARSABLE_PRICE = "unparsable price";

    private SkipReasons() {
    }

    /** "invalid currency", "invalid tags": a value the product model refuses. */
    public static String invalid(String field) {
        return "invalid " + field;
    }
}
