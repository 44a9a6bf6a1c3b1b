package org.no3rr.station.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An engine state (a few hundred characters of text) as the few bytes the store keeps of it:
 * deflated, and in the journal deflated against the run's previous state, which differs from it
 * only in a few numbers — so a state written every second costs tens of bytes, not hundreds.
 */
final class EngineStateBytes {

    private EngineStateBytes() {
    }

    /** @param dictionary the state this one is written after, or null to compress it on its own */
    static byte[] compress(String state, String dictionary) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary.getBytes(StandardCharsets.UTF_8));
            }
            deflater.setInput(state.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(state.length() / 2 + 16);
            byte[] buffer = new byte[512];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * @param dictionary the state it was compressed against, or null
     * @throws IllegalArgumentException if the bytes are not a state compressed against that dictionary
     */
    static String decompress(byte[] bytes, String dictionary) {
        Inflater inflater = new Inflater(true);
        try {
            if (dictionary != null) {
                inflater.setDictionary(dictionary.getBytes(StandardCharsets.UTF_8));
            }
            // A raw stream wants one byte past its end to be sure it has ended.
            byte[] input = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("an engine state of " + bytes.length + " bytes is cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("an engine state of " + bytes.length + " bytes is damaged: "
                    + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
