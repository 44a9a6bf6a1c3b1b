package org.no3rr.station.lab.identity;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.no3rr.station.config.StationConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The station's name in the lab ({@code station.id}): in MQTT topics, in the central database and in a
 * run's global identity {@code <station-id>/<run-id>}. By default the host name, lower-cased and reduced
 * to {@code [a-z0-9-]}; a configured id must already be in that form, so the same station never appears
 * under two spellings.
 */
@Startup
@ApplicationScoped
public class StationIdentity {

    public static final int MAX_LENGTH = 40;
    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0," + (MAX_LENGTH - 1) + "})");

    private final String id;

    StationIdentity(StationConfig config) {
        this.id = config.id().map(StationIdentity::checked).orElseGet(() -> fromHostName(hostName()));
    }

    /** The station's id, e.g. {@code bench-2}. */
    public String id() {
        return id;
    }

    /** A run's identity across the lab, e.g. {@code bench-2/17}. */
    public String globalRunId(long runId) {
        return id + "/" + runId;
    }

    /** Whether {@code candidate} is a valid station id. */
    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    public static String checked(String configured) {
        if (!isValid(configured)) {
            throw new IllegalArgumentException("station.id is '" + configured + "'; allowed: 1 to " + MAX_LENGTH
                    + " characters of a-z, 0-9 and '-', starting with a letter or digit, e.g. bench-2");
        }
        return configured;
    }

    /** The host name reduced to a valid id: other characters become '-', at most 40 characters. */
    static String fromHostName(String hostName) {
        String reduced = hostName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+", "");
        if (reduced.length() > MAX_LENGTH) {
            reduced = reduced.substring(0, MAX_LENGTH);
        }
        reduced = reduced.replaceAll("-+$", "");
        return reduced.isEmpty() ? "station" : reduced;
    }

    private static String hostName() {
        try {
            String file = Files.readString(Path.of("/etc/hostname")).strip();
            if (!file.isEmpty()) {
                return file;
            }
        } catch (IOException | RuntimeException notThere) {
            // Not Linux, or a container without the file: ask the resolver.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "station";
        }
    }
}
