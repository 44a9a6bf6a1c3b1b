package org.no3rr.station.hardware;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.board.BoardFileException;

/**
 * A board file as read from disk: the validated {@link BoardFile}, plus its entries and checksum
 * for the snapshot stored with every run, so a result names the exact wiring it was measured with.
 */
record BoardSource(Path path, BoardFile board, Map<String, String> entries, String sha256) {

    /**
     * @throws IllegalStateException naming the key and path when the file cannot be read, and every
     *                               mistake (from {@link BoardFileException}) when it is invalid
     */
    static BoardSource load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("station.hal.board-file = " + path + " cannot be read (" + e
                    + "); give the path of the rig's board file, e.g. /etc/no3rr/board.properties", e);
        }
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("station.hal.board-file = " + path + " is not a .properties file: "
                    + e.getMessage(), e);
        }
        BoardFile board;
        try {
            board = BoardFile.parse(path.toString(), properties);
        } catch (BoardFileException e) {
            throw new IllegalStateException("station.hal.board-file: " + e.getMessage(), e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> entries.put(k.trim(), properties.getProperty(k).trim()));
        return new BoardSource(path, board, Map.copyOf(entries), sha256(text));
    }

    /** The entries that describe one channel: {@code channel.<id>.*}, in key order. */
    Map<String, String> entriesOf(String channelId) {
        Map<String, String> of = new TreeMap<>();
        entries.forEach((k, v) -> {
            if (k.startsWith("channel." + channelId + ".")) {
                of.put(k, v);
            }
        });
        return of;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
