package io.collections.domain;

/** The tenant: every collection, product and import belongs to exactly one client and is invisible to others. */
public record ClientId(String value) {
    public ClientId {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new InvalidInputException("client_id", "must be 1 to 128 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
