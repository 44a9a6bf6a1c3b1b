package org.no3rr.hal.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wiring of one station: per channel, which chips on which bus and address, which multiplexer
 * inputs, gains, shunts and relay pins, and the channel's ratings; plus the watchdog heartbeat.
 * Written as a {@code .properties} file (keys in {@code docs/hardware.md}; an example ships as
 * {@link #EXAMPLE_RESOURCE}). {@link #parse} validates everything in one pass and reports every
 * mistake at once, each naming its entry, the value and what is allowed.
 *
 * @param id what identifies the physical boards ({@code board.id}, e.g. the serial written on them;
 *           {@code board.name} when absent): calibrations are bound to it, so a swapped board asks
 *           for a new calibration
 */
public record BoardFile(String name, String id, List<ChannelSpec> channels, Optional<WatchdogSpec> watchdog) {

    /** The reference rig: two Zn–NO3⁻ battery channels and two H-cell channels. */
    public static final String EXAMPLE_RESOURCE = "/org/no3rr/hal/board/example-board.properties";

    private static final Pattern CHANNEL_KEY = Pattern.compile("channel\\.([^.]+)\\..+");
    private static final Pattern CHANNEL_ID = Pattern.compile("[a-z][a-z0-9-]*");

    public BoardFile {
        channels = List.copyOf(channels);
    }

    /** Reads and validates a board file from disk. */
    public static BoardFile load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(path.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("board file " + path + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The example board shipped with the hal. */
    public static BoardFile example() {
        try (InputStream in = BoardFile.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE_RESOURCE + " is missing from the hal jar");
            }
            return parse(EXAMPLE_RESOURCE, new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BoardFile parse(String source, Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return parse(source, properties);
    }

    /**
     * @param source where the entries came from, for the error message
     * @throws BoardFileException listing every mistake
     */
    public static BoardFile parse(String source, Properties properties) {
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        Entries entries = new Entries(map);

        String name = entries.text("board.name", source);
        String boardId = entries.text("board.id", name);
        List<ChannelSpec> channels = new ArrayList<>();
        for (String id : channelIds(entries)) {
            if (!CHANNEL_ID.matcher(id).matches()) {
                entries.error("channel id '" + id + "' must be lower-case letters, digits and '-', starting with a letter (e.g. ch1)");
                entries.keys().stream().filter(k -> k.startsWith("channel." + id + ".")).forEach(entries::allow);
                continue;
            }
            ChannelSpec channel = new ChannelParser(entries, id).parse();
            if (channel != null) {
                channels.add(channel);
            }
        }
        if (channelIds(entries).isEmpty()) {
            entries.error("no channel: add channel.<id>.* entries, e.g. channel.ch1.kind=zn-nitrate-battery");
        }
        Optional<WatchdogSpec> watchdog = watchdog(entries);
        for (String key : entries.unknownKeys()) {
            entries.error("unknown key " + key + ": see docs/hardware.md for the board-file keys");
        }
        BoardChecks.uniquePinsAndAddresses(channels, watchdog, entries);
        if (!entries.errors().isEmpty()) {
            throw new BoardFileException(source, entries.errors());
        }
        return new BoardFile(name, boardId, channels, watchdog);
    }

    private static TreeSet<String> channelIds(Entries entries) {
        TreeSet<String> ids = new TreeSet<>();
        for (String key : entries.keys()) {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    private static Optional<WatchdogSpec> watchdog(Entries entries) {
        if (!entries.has("watchdog.pin") && !entries.has("watchdog.toggle-interval-ms")) {
            return Optional.empty();
        }
        Integer pin = entries.integer("watchdog.pin", 0, ChannelParser.MAX_BCM_PIN, null, "BCM GPIO number of the heartbeat");
        Integer interval = entries.integer("watchdog.toggle-interval-ms", 10, 60_000, 250,
                "how often the station toggles the heartbeat, in ms");
        return pin == null || interval == null ? Optional.empty() : Optional.of(new WatchdogSpec(pin, interval));
    }

    /** Every I2C address a chip of this board answers at. */
    public Set<I2cAddress> i2cAddresses() {
        Set<I2cAddress> addresses = new HashSet<>();
        for (ChannelSpec c : channels) {
            addresses.add(c.adc());
            addresses.add(c.currentDac().address());
            if (c.current() instanceof CurrentSensing.Ina226Shunt ina) {
                addresses.add(ina.address());
            }
            c.potentiostat().ifPresent(pot -> addresses.add(pot.setpointDac().address()));
            c.temperature().ifPresent(t -> addresses.add(t.adc()));
        }
        return addresses;
    }

    /**
     * The highest 7-bit address on {@code bus} that no chip of this board uses (0x77 down to 0x08;
     * 0x00–0x07 and 0x78–0x7F are reserved by the I2C specification): where a bus recovery reads.
     */
    public int freeAddress(int bus) {
        Set<I2cAddress> used = i2cAddresses();
        for (int address = 0x77; address >= 0x08; address--) {
            if (!used.contains(new I2cAddress(bus, address))) {
                return address;
            }
        }
        throw new IllegalStateException("bus " + bus + " has no free address");
    }

    /** The channel called {@code channelId}. */
    public ChannelSpec channel(String channelId) {
        return channels.stream().filter(c -> c.id().equals(channelId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel " + channelId + " in board " + name + "; it has "
                        + channels.stream().map(ChannelSpec::id).toList()));
    }
}
