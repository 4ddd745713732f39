package io.collections.application;

import java.util.Arrays;
import java.util.Optional;

/** What a caller may do: Owner, Admin and DataEditor read and write; Viewer only reads. */
public enum Role {
    OWNER("Owner", true),
    ADMIN("Admin", true),
    DATA_EDITOR("DataEditor", true),
    VIEWER("Viewer", false);

    private final String claimName;
    private final boolean writes;

    Role(String claimName, boolean writes) {
        this.claimName = claimName;
        this.writes = writes;
    }

    public String claimName() {
        return claimName;
    }

    public boolean mayWrite() {
        return writes;
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claimName.equals(claim)).findFirst();
    }
}
