package io.collections.domain.product;

import io.collections.domain.ClientId;
import io.collections.domain.ProductId;
import io.collections.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/** A product of one client's catalog: its identity, its details and who created and last changed it when. */
public record Product(
        ProductId id,
        ClientId clientId,
        ProductDetails details,
        Instant createdAt,
        Instant updatedAt,
        UserId createdBy,
        UserId updatedBy) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    public static Product create(ProductId id, ClientId clientId, ProductDetails details, UserId by, Instant at) {
        return new Product(id, clientId, details, at, at, by, by);
    }

    public Product withDetails(ProductDetails newDetails, UserId by, Instant at) {
        return new Product(id, clientId, newDetails, createdAt, at, createdBy, by);
    }
}
