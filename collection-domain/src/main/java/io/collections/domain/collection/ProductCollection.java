package io.collections.domain.collection;

import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.ConflictException;
import io.collections.domain.InvalidInputException;
import io.collections.domain.Text;
import io.collections.domain.UserId;
import io.collections.domain.rule.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named group of one client's products, chosen by inclusion rules, by hand, or both, that moves through the
 * DRAFT / ENABLED / DISABLED / ARCHIVED lifecycle. Immutable: every change returns the changed collection, and
 * refuses what the lifecycle does not allow.
 */
public final class ProductCollection {
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_IMAGE_ID_LENGTH = 255;

    private final CollectionId id;
    private final ClientId clientId;
    private final String name;
    private final CollectionStatus status;
    private final String imageId;
    private final RuleSet ruleSet;
    private final SortOrder sortOrder;
    private final long productCount;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final UserId createdBy;
    private final UserId updatedBy;

    private ProductCollection(CollectionId id, ClientId clientId, String name, CollectionStatus status, String imageId,
            RuleSet ruleSet, SortOrder sortOrder, long productCount, long version, Instant createdAt,
            Instant updatedAt, UserId createdBy, UserId updatedBy) {
        this.id = Objects.requireNonNull(id, "id");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.name = checkName(name);
        this.status = Objects.requireNonNull(status, "status");
        this.imageId = checkImageId(imageId);
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.sortOrder = Objects.requireNonNull(sortOrder, "sortOrder");
        if (productCount < 0) {
            throw new IllegalArgumentException("productCount must not be negative");
        }
        this.productCount = productCount;
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.updatedBy = Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** A new collection as a client asks for it; it has no members yet. */
    public static ProductCollection create(CollectionId id, ClientId clientId, String name, CollectionStatus status,
            String imageId, RuleSet ruleSet, SortOrder sortOrder, UserId by, Instant at) {
        return new ProductCollection(id, clientId, name, status == null ? CollectionStatus.DRAFT : status, imageId,
                ruleSet == null ? RuleSet.NONE : ruleSet, sortOrder == null ? SortOrder.NAME : sortOrder, 0, 1, at,
                at, by, by);
    }

    /** A collection as it was stored. */
    public static ProductCollection reconstitute(CollectionId id, ClientId clientId, String name,
            CollectionStatus status, String imageId, RuleSet ruleSet, SortOrder sortOrder, long productCount,
            long version, Instant createdAt, Instant updatedAt, UserId createdBy, UserId updatedBy) {
        return new ProductCollection(id, clientId, name, status, imageId, ruleSet, sortOrder, productCount, version,
                createdAt, updatedAt, createdBy, updatedBy);
    }

    /** Trims the name and checks it is 1 to 255 characters. */
    public static String checkName(String name) {
        if (name == null) {
            throw new InvalidInputException("name", "is required");
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "must not be empty");
        }
        if (Text.length(trimmed) > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    private static String checkImageId(String imageId) {
        if (imageId != null && (imageId.isBlank() || Text.length(imageId) > MAX_IMAGE_ID_LENGTH)) {
            throw new InvalidInputException("image_id", "must be 1 to " + MAX_IMAGE_ID_LENGTH + " characters or null");
        }
        return imageId;
    }

    public ProductCollection rename(String newName, UserId by, Instant at) {
        ensureEditable();
        return copy(checkName(newName), status, imageId, ruleSet, sortOrder, by, at);
    }

    public ProductCollection changeImage(String newImageId, UserId by, Instant at) {
        ensureEditable();
        return copy(name, status, newImageId, ruleSet, sortOrder, by, at);
    }

    public ProductCollection replaceRules(RuleSet newRules, UserId by, Instant at) {
        ensureEditable();
        return copy(name, status, imageId, Objects.requireNonNull(newRules, "newRules"), sortOrder, by, at);
    }

    public ProductCollection changeSortOrder(SortOrder newOrder, UserId by, Instant at) {
        ensureEditable();
        return copy(name, status, imageId, ruleSet, Objects.requireNonNull(newOrder, "newOrder"), by, at);
    }

    /**
     * Moves the collection to another status, as the lifecycle allows; asking for the status it already has
     * changes nothing.
     *
     * @throws ConflictException naming the statuses allowed from here
     */
    public ProductCollection changeStatus(CollectionStatus target, UserId by, Instant at) {
        Objects.requireNonNull(target, "target");
        if (target == status) {
            return this;
        }
        if (!status.canChangeTo(target)) {
            List<String> allowed = status.next().stream().map(Enum::name).toList();
            throw new ConflictException("status cannot change from " + status + " to " + target
                    + "; allowed next: " + String.join(", ", allowed), allowed);
        }
        return copy(name, target, imageId, ruleSet, sortOrder, by, at);
    }

    /**
     * Refuses any change to an archived collection (its products included) but a restore to DRAFT.
     *
     * @throws ConflictException when the collection is archived
     */
    public void ensureEditable() {
        if (status == CollectionStatus.ARCHIVED) {
            throw new ConflictException("collection " + id + " is ARCHIVED and read-only; restore it to DRAFT"
                    + " before changing it", List.of(CollectionStatus.DRAFT.name()));
        }
    }

    /** The same collection with the member count the repository computed. */
    public ProductCollection withProductCount(long count) {
        return new ProductCollection(id, clientId, name, status, imageId, ruleSet, sortOrder, count, version,
                createdAt, updatedAt, createdBy, updatedBy);
    }

    /** The same collection marked as changed by {@code by} at {@code at}, as when its members change. */
    public ProductCollection touch(UserId by, Instant at) {
        return copy(name, status, imageId, ruleSet, sortOrder, by, at);
    }

    private ProductCollection copy(String newName, CollectionStatus newStatus, String newImageId, RuleSet newRules,
            SortOrder newOrder, UserId by, Instant at) {
        return new ProductCollection(id, clientId, newName, newStatus, newImageId, newRules, newOrder, productCount,
                version + 1, createdAt, at, createdBy, by);
    }

    public CollectionId id() { return id; }
    public ClientId clientId() { return clientId; }
    public String name() { return name; }
    public CollectionStatus status() { return status; }
    public String imageId() { return imageId; }
    public RuleSet ruleSet() { return ruleSet; }
    public SortOrder sortOrder() { return sortOrder; }
    public long productCount() { return productCount; }
    /** Goes up by one with every change; the basis of ETags and optimistic concurrency. */
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public UserId createdBy() { return createdBy; }
    public UserId updatedBy() { return updatedBy; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductCollection other && id.equals(other.id) && version == other.version
                && productCount == other.productCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "ProductCollection[id=" + id + ", name=" + name + ", status=" + status + ", version=" + version + "]";
    }
}
