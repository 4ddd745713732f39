package io.collections.adapter.http.routes;

import io.collections.adapter.http.json.JsonCodec;
import io.collections.adapter.http.json.ProductJson;
import io.collections.domain.CollectionId;
import io.collections.domain.product.Product;
import io.collections.domain.collection.ProductCollection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags. A collection's is strong, {@code "<id>-<version>-<product_count>"}: the version goes up with every
 * change of its fields, and the count covers membership. A product has no version, so its tag is a digest of
 * its JSON representation.
 */
public final class ETags {
    private static final Pattern COLLECTION_TAG = Pattern.compile("\"([0-9]{1,20})-([0-9]{1,19})-([0-9]{1,19})\"");

    private ETags() {
    }

    public static String of(ProductCollection collection) {
        return "\"" + collection.id() + "-" + collection.version() + "-" + collection.productCount() + "\"";
    }

    public static String of(Product product, JsonCodec codec) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(codec.write(ProductJson.from(product)).getBytes(StandardCharsets.UTF_8));
            return "\"" + product.id() + "-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entity tags of an {@code If-Match} or {@code If-None-Match} header; {@code *} is kept as is. */
    public static List<String> parse(String header) {
        List<String> tags = new ArrayList<>();
        if (header == null) {
            return tags;
        }
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** Strong comparison, as {@code If-Match} requires: a weak tag never matches. */
    public static boolean matchesStrong(String header, String current) {
        for (String tag : parse(header)) {
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** Weak comparison, as {@code If-None-Match} uses. */
    public static boolean matchesWeak(String header, String current) {
        for (String tag : parse(header)) {
            String bare = tag.startsWith("W/") ? tag.substring(2) : tag;
            if (tag.equals("*") || bare.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** The versions named by those of our collection tags in the header that belong to {@code id}. */
    public static List<Long> collectionVersions(String header, CollectionId id) {
        List<Long> versions = new ArrayList<>();
        for (String tag : parse(header)) {
            versionOf(tag, id).ifPresent(versions::add);
        }
        return versions;
    }

    private static Optional<Long> versionOf(String tag, CollectionId id) {
        Matcher m = COLLECTION_TAG.matcher(tag);
        if (!m.matches() || !m.group(1).equals(id.toString())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
