package org.no3rr.station.store;

import java.nio.ByteBuffer;

/**
 * Variable-length numbers (7 bits a byte, low bits first) and zigzag signs, as the block codec and
 * the journal write them: small numbers, the common case, take one byte.
 */
final class Varints {

    private Varints() {
    }

    static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    /** The 32-bit zigzag that format 1 blocks used for their step numbers. */
    static int unzigzag(int value) {
        return (value >>> 1) ^ -(value & 1);
    }

    static void putVarint(ByteBuffer out, int value) {
        putVarlong(out, value & 0xFFFF_FFFFL);
    }

    static void putVarlong(ByteBuffer out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    /** @throws IllegalArgumentException if the number does not fit 32 bits */
    static int getVarint(ByteBuffer in) {
        long value = getVarlong(in);
        if ((value >>> 32) != 0) {
            throw new IllegalArgumentException("a 32-bit number is too large: " + value);
        }
        return (int) value;
    }

    /** @throws IllegalArgumentException if the number is longer than 10 bytes */
    static long getVarlong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a number is longer than 10 bytes");
    }

    /** The most bytes {@link #putVarlong} writes. */
    static final int MAX_BYTES = 10;
}
