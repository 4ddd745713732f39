package io.collections.domain;

/** The person or system acting, as named by the token's subject; recorded as created_by and updated_by. */
public record UserId(String value) {
    public UserId {
        if (value == null || value.isBlank() || value.length() > 255) {
            throw new InvalidInputException("sub", "must be 1 to 255 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
