package org.no3rr.station.lab.identity;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.config.StationConfig;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The station's name in a lab of stations, and a run's global identity {@code <station-id>/<run-id>}
 * ({@code bench-2/17}). {@code station.id} when set — refused at start-up, with what is allowed, when
 * it is not {@code [a-z0-9-]}, 1 to 40 characters — else the host name reduced to those characters.
 * The name goes into MQTT topics and URLs as it is, which is why it is this strict.
 */
@Startup
@ApplicationScoped
public class StationIdentity {

    public static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9-]{1," + MAX_LENGTH + "}");
    private static final Pattern NOT_ALLOWED_RUN = Pattern.compile("[^a-z0-9-]+");
    /** When the host name has no usable character at all. */
    static final String FALLBACK = "station";

    private final String stationId;

    @Inject
    public StationIdentity(StationConfig config) {
        this.stationId = resolve(config.id(), hostName());
    }

    public String stationId() {
        return stationId;
    }

    /** The run's identity across the lab: {@code <station-id>/<run-id>}. */
    public String globalRunId(long runId) {
        return globalRunId(stationId, runId);
    }

    /**
     * The configured id, checked, or the default from the host name.
     *
     * @throws IllegalArgumentException naming the key, the value and what is allowed
     */
    public static String resolve(Optional<String> configured, String hostName) {
        return configured.map(StationIdentity::checked).orElseGet(() -> fromHostName(hostName));
    }

    /** Whether {@code candidate} is a valid station id. */
    public static boolean isValid(String candidate) {
        return candidate != null && ALLOWED.matcher(candidate).matches();
    }

    /**
     * {@code id} if it is a valid station id.
     *
     * @throws IllegalArgumentException naming the key, the value and what is allowed
     */
    public static String checked(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("station.id '" + id + "' is not allowed: use 1 to " + MAX_LENGTH
                    + " characters of a-z, 0-9 and '-', e.g. bench-2 (it names the station in MQTT topics, "
                    + "the central database and run identities such as bench-2/17)");
        }
        return id;
    }

    /** A run's identity across the lab, {@code <station-id>/<run-id>}, for a run of any station. */
    public static String globalRunId(String stationId, long runId) {
        return stationId + "/" + runId;
    }

    /** The host name lower-cased, each run of other characters made one '-', trimmed of '-', at most 40 characters. */
    static String fromHostName(String hostName) {
        String reduced = NOT_ALLOWED_RUN.matcher(hostName == null ? "" : hostName.toLowerCase(Locale.ROOT))
                .replaceAll("-");
        reduced = trimDashes(reduced);
        if (reduced.length() > MAX_LENGTH) {
            reduced = trimDashes(reduced.substring(0, MAX_LENGTH));
        }
        return reduced.isEmpty() ? FALLBACK : reduced;
    }

    private static String trimDashes(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) == '-') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == '-') {
            to--;
        }
        return text.substring(from, to);
    }

    /** What the operating system calls this machine: HOSTNAME, /etc/hostname, then the resolver. */
    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String name = Files.readString(etc).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return FALLBACK;
        }
    }
}
