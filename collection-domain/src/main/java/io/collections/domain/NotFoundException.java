package io.collections.domain;

/** Something that does not exist for this client; another client's entity is reported the same way. */
public final class NotFoundException extends DomainException {
    private final String kind;
    private final String id;

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
