package io.collections.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collections.adapter.providers.CatalogSources;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.InvalidInputException;
import io.collections.domain.catalog.AlgoliaAccount;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.GoogleMerchantAccount;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.ShopifyAccount;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.catalog.WooCommerceAccount;
import io.collections.domain.product.ProductDetails;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code fetch <provider> --<field> <value> ...}: a dry run of an import. Pulls the catalog with the same fetcher
 * an import uses, prints each normalized product as one JSON line on stdout, each skipped product and then a
 * summary on stderr, and writes nothing anywhere. The options are the fields of the provider's import body with
 * {@code -} for {@code _}; Algolia's {@code --attribute-mapping} is a JSON object or {@code field=attribute} pairs
 * separated by commas.
 */
final class FetchCommand {
    /** Exit status when the provider refused or failed; usage errors exit with 2 as configuration errors do. */
    static final int FETCH_FAILED = 1;
    /** Import body fields that do not change what is fetched; accepted so an import body's fields all work. */
    private static final Set<String> IGNORED = Set.of("name", "status");

    private final CatalogSources sources;
    private final PrintStream out;
    private final PrintStream err;

    FetchCommand(CatalogSources sources, PrintStream out, PrintStream err) {
        this.sources = sources;
        this.out = out;
        this.err = err;
    }

    static String usage() {
        return "fetch shopify --shop S --access-token T\n"
                + "  fetch google-merchant --merchant-id M --access-token T\n"
                + "  fetch algolia --application-id A --api-key K --index-name I [--attribute-mapping name=title,...]\n"
                + "  fetch woocommerce --store-url U --consumer-key K --consumer-secret S";
    }

    /** @param args what follows {@code fetch}: the provider, then its options */
    int run(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new ConfigurationException("fetch needs a provider: shopify, google-merchant, algolia or"
                    + " woocommerce\nusage: " + usage());
        }
        Provider provider;
        try {
            provider = Provider.fromPathName(args.get(0));
        } catch (InvalidInputException e) {
            throw new ConfigurationException("unknown provider '" + args.get(0) + "': " + e.reason());
        }
        CatalogSource source = sources.forProvider(provider).orElseThrow(() -> new ConfigurationException(
                "this build has no fetcher for " + provider.pathName()));
        ProviderAccount account = account(provider, Arguments.parse(args.subList(1, args.size())));
        try {
            FetchSummary summary = source.fetch(account, this::print);
            out.flush();
            err.println(summaryLine(summary));
            return 0;
        } catch (CatalogFetchException e) {
            out.flush();
            err.println("fetch failed (" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                    + e.getMessage());
            return FETCH_FAILED;
        }
    }

    private void print(CatalogPage page) {
        StringBuilder lines = new StringBuilder(page.products().size() * 600);
        for (ProductDetails product : page.products()) {
            lines.append(DryRunProductJson.line(product)).append('\n');
        }
        out.print(lines);
        for (SkippedProduct skipped : page.skipped()) {
            err.println("skipped " + (skipped.externalId() == null ? "a product without id" : skipped.externalId())
                    + ": " + skipped.reason());
        }
    }

    static String summaryLine(FetchSummary summary) {
        String reasons = summary.skippedByReason().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "fetched %d products (%d valid, %d skipped%s%s) in %d pages, %d retries,"
                        + " %.1f s", summary.fetched(), summary.valid(), summary.skipped(),
                reasons.isEmpty() ? "" : ": " + reasons,
                summary.duplicates() == 0 ? "" : ", " + summary.duplicates() + " listed again", summary.pages(),
                summary.retries(), summary.elapsed().toMillis() / 1000.0);
    }

    private static ProviderAccount account(Provider provider, Arguments arguments) {
        Map<String, String> fields = new LinkedHashMap<>();
        arguments.all().forEach((option, value) -> fields.put(option.replace('-', '_'), value));
        List<String> known = switch (provider) {
            case SHOPIFY -> List.of("shop", "access_token");
            case GOOGLE_MERCHANT -> List.of("merchant_id", "access_token");
            case ALGOLIA -> List.of("application_id", "api_key", "index_name", "attribute_mapping");
            case WOOCOMMERCE -> List.of("store_url", "consumer_key", "consumer_secret");
        };
        List<String> unknown = new ArrayList<>();
        for (String field : fields.keySet()) {
            if (!known.contains(field) && !IGNORED.contains(field)) {
                unknown.add("--" + field.replace('_', '-'));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("fetch " + provider.pathName() + " does not take " + String.join(", ",
                    unknown) + "; it takes " + known.stream().map(f -> "--" + f.replace('_', '-'))
                    .collect(Collectors.joining(", ")));
        }
        try {
            return switch (provider) {
                case SHOPIFY -> new ShopifyAccount(fields.get("shop"), fields.get("access_token"));
                case GOOGLE_MERCHANT -> new GoogleMerchantAccount(fields.get("merchant_id"),
                        fields.get("access_token"));
                case ALGOLIA -> new AlgoliaAccount(fields.get("application_id"), fields.get("api_key"),
                        fields.get("index_name"), attributeMapping(fields.get("attribute_mapping")));
                case WOOCOMMERCE -> new WooCommerceAccount(fields.get("store_url"), fields.get("consumer_key"),
                        fields.get("consumer_secret"));
            };
        } catch (InvalidInputException e) {
            String options = Arrays.stream(e.field().split(", "))
                    .map(f -> "--" + f.replace('_', '-')).collect(Collectors.joining(", "));
            throw new ConfigurationException("fetch " + provider.pathName() + ": " + options + " " + e.reason());
        }
    }

    /** {@code {"name":"title"}} or {@code name=title,brand=vendor}; null when not given. */
    static Map<String, String> attributeMapping(String value) {
        if (value == null) {
            return null;
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        String text = value.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode object = new ObjectMapper().readTree(text);
                object.fields().forEachRemaining(entry -> {
                    if (!entry.getValue().isTextual()) {
                        throw new ConfigurationException("--attribute-mapping values must be attribute names,"
                                + " got " + entry.getValue() + " for " + entry.getKey());
                    }
                    mapping.put(entry.getKey(), entry.getValue().asText());
                });
            } catch (IOException e) {
                throw new ConfigurationException("--attribute-mapping is not a valid JSON object");
            }
            return mapping;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new ConfigurationException("--attribute-mapping takes field=attribute pairs separated by"
                        + " commas (name=title,brand=vendor) or a JSON object; got '" + pair + "'");
            }
            mapping.put(parts[0].strip(), parts[1].strip());
        }
        return mapping;
    }
}
