package io.collections.domain;

/** A value that breaks a rule of the model: names the field (or rule position) and what is wrong with it. */
public final class InvalidInputException extends DomainException {
    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
