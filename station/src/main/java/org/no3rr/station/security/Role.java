package org.no3rr.station.security;

import java.util.Locale;
import java.util.Optional;

/**
 * Who a token or session speaks for. The operator controls the station; the viewer may only read
 * what a phone shows (channels, runs, plots, exports, the live stream), so a lab can share a view
 * with a collaborator or a student without handing over the controls.
 */
public enum Role {

    /** Starts, pauses and stops runs, enters readings and calibrations, saves protocols, administers. */
    OPERATOR("access-token"),
    /** Reads: every {@code GET} of the API, the live stream, exports; may log itself out. */
    VIEWER("viewer-token");

    private final String fileName;

    Role(String fileName) {
        this.fileName = fileName;
    }

    /** The token's file in the data directory; the operator's keeps its historical name. */
    public String fileName() {
        return fileName;
    }

    /** As the API and the page write it: {@code operator}, {@code viewer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.id().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
