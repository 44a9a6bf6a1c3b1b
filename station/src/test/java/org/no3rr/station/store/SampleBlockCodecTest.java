package org.no3rr.station.store;

import org.junit.jupiter.api.Test;
import org.no3rr.protocol.StepKind;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every value a block holds comes back bit for bit, and damaged bytes are refused, not misread. */
class SampleBlockCodecTest {

    private static List<StoredSample> roundTrip(SampleBlock block) {
        SampleBlock decoded = SampleBlockCodec.decode(block.firstSeq(), SampleBlockCodec.encode(block));
        assertThat(decoded.count()).isEqualTo(block.count());
        List<StoredSample> samples = new ArrayList<>();
        for (int k = 0; k < decoded.count(); k++) {
            samples.add(decoded.sample(k));
        }
        return samples;
    }

    private static List<StoredSample> samplesOf(SampleBlock block) {
        List<StoredSample> samples = new ArrayList<>();
        for (int k = 0; k < block.count(); k++) {
            samples.add(block.sample(k));
        }
        return samples;
    }

    @Test
    void anEmptyBlockIsTwoBytesAndDecodesEmpty() {
        SampleBlock empty = new SampleBlock(7, 0);
        byte[] bytes = SampleBlockCodec.encode(empty);
        assertThat(bytes).containsExactly(SampleBlockCodec.FORMAT, 0);
        SampleBlock decoded = SampleBlockCodec.decode(7, bytes);
        assertThat(decoded.count()).isZero();
        assertThat(decoded.firstSeq()).isEqualTo(7);
        assertThat(decoded.lastSeq()).isEqualTo(6);
    }

    @Test
    void oneSampleComesBackWithItsNumber() {
        SampleBlock block = new SampleBlock(41, 1);
        block.append(41, 1_763_700_000_123L, 0, 1.2345, -0.005, Double.NaN, 25.5, 3, 7, 2, StepKind.DISCHARGE);
        assertThat(roundTrip(block)).containsExactly(
                new StoredSample(41, 1_763_700_000_123L, 0, 1.2345, -0.005, Double.NaN, 25.5, 3, 7, 2,
                        StepKind.DISCHARGE));
    }

    @Test
    void doublesKeepTheirExactBits() {
        double[] values = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MIN_NORMAL, 1e-300, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2,
                Math.nextUp(1.0), Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};
        SampleBlock block = new SampleBlock(1, values.length);
        for (int k = 0; k < values.length; k++) {
            double other = values[values.length - 1 - k];
            block.append(1 + k, 1000L * k, 0, values[k], other, values[k], other, 1, 1, 1, StepKind.REST);
        }
        SampleBlock decoded = SampleBlockCodec.decode(1, SampleBlockCodec.encode(block));
        for (int k = 0; k < values.length; k++) {
            double other = values[values.length - 1 - k];
            assertThat(Double.doubleToRawLongBits(decoded.voltage(k))).as("voltage %d", k)
                    .isEqualTo(Double.doubleToRawLongBits(values[k]));
            assertThat(Double.doubleToRawLongBits(decoded.current(k))).as("current %d", k)
                    .isEqualTo(Double.doubleToRawLongBits(other));
            assertThat(Double.doubleToRawLongBits(decoded.workingElectrodePotential(k))).as("WE potential %d", k)
                    .isEqualTo(Double.doubleToRawLongBits(values[k]));
            assertThat(Double.doubleToRawLongBits(decoded.temperature(k))).as("temperature %d", k)
                    .isEqualTo(Double.doubleToRawLongBits(other));
        }
    }

    @Test
    void aColumnThatIsAbsentForEverySampleTakesNoSpaceAndReadsNaN() {
        SampleBlock without = new SampleBlock(1, 3);
        SampleBlock with = new SampleBlock(1, 3);
        for (int k = 0; k < 3; k++) {
            without.append(1 + k, k, 0, 1.0, 0.001, Double.NaN, Double.NaN, 1, 1, 1, StepKind.CHARGE);
            with.append(1 + k, k, 0, 1.0, 0.001, k == 1 ? -0.25 : Double.NaN, Double.NaN, 1, 1, 1, StepKind.CHARGE);
        }
        // The field's id and length, then NaN, −0.25, NaN: each changes only the top two bytes of the
        // one before (0x7FF8… → 0xBFD0… → 0x7FF8…), so a header byte and 2 bytes each.
        assertThat(SampleBlockCodec.encode(with).length - SampleBlockCodec.encode(without).length).isEqualTo(2 + 3 * 3);
        assertThat(roundTrip(without)).allSatisfy(s -> {
            assertThat(s.workingElectrodePotential()).isNaN();
            assertThat(s.temperature()).isNaN();
        });
        assertThat(roundTrip(with)).extracting(StoredSample::workingElectrodePotential)
                .containsExactly(Double.NaN, -0.25, Double.NaN);
    }

    @Test
    void stepsAndStepKindsThatChangeWithinABlockComeBackPerSample() {
        SampleBlock block = new SampleBlock(100, 8);
        StepKind[] kinds = {StepKind.REST, StepKind.REST, StepKind.DISCHARGE, StepKind.DISCHARGE, StepKind.REST,
            StepKind.CHARGE, StepKind.CHARGE, StepKind.CYCLIC_VOLTAMMETRY};
        int[] cycles = {1, 1, 1, 1, 1, 2, 2, Integer.MAX_VALUE};
        int[] steps = {1, 1, 2, 2, 3, 4, 4, Integer.MIN_VALUE};
        int[] lines = {0, 0, 1, 1, 0, 2, 3, -1};
        for (int k = 0; k < kinds.length; k++) {
            block.append(100 + k, 5_000L + k, k, k, -k, Double.NaN, 20 + k, cycles[k], steps[k], lines[k], kinds[k]);
        }
        assertThat(roundTrip(block)).isEqualTo(samplesOf(block));
        assertThat(block.minStepNumber()).isEqualTo(Integer.MIN_VALUE);
        assertThat(block.maxStepNumber()).isEqualTo(4);
    }

    @Test
    void stepTimeComesBackAcrossPausesAndStepStarts() {
        // step 1 from 0 s; a 10-minute pause at 2 s (step time stands still); step 2 from 0 s again
        long[] clock = {0, 1000, 2000, 602_000, 603_000, 603_000, 604_000};
        long[] stepTime = {0, 1000, 2000, 2000, 3000, 0, 1000};
        int[] steps = {1, 1, 1, 1, 1, 2, 2};
        SampleBlock block = new SampleBlock(1, clock.length);
        for (int k = 0; k < clock.length; k++) {
            block.append(1 + k, 1_763_700_000_000L + clock[k], stepTime[k], 1.2, -0.001, Double.NaN, Double.NaN, 1,
                    steps[k], steps[k], StepKind.DISCHARGE);
        }
        assertThat(roundTrip(block)).extracting(StoredSample::stepTimeMillis)
                .containsExactly(0L, 1000L, 2000L, 2000L, 3000L, 0L, 1000L);
    }

    @Test
    void blocksOfFormatOneAreReadWithStepTimeSinceTheStepsFirstSampleInTheBlock() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(128).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) 3).putLong(1_763_700_000_000L).put((byte) 0xd0).put((byte) 0x0f)
                .put((byte) 0xd0).put((byte) 0x0f);
        for (double v : new double[] {1.4, 1.39, 1.38, -0.005, -0.005, -0.005}) {
            b.putDouble(v);
        }
        byte[] word = "cyclic voltammetry".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        b.put((byte) 0).put((byte) 1).put((byte) word.length).put(word).put((byte) 1)
                .put((byte) 3).put((byte) 2).put((byte) 4).put((byte) 6).put((byte) 0);
        byte[] formatOne = java.util.Arrays.copyOf(b.array(), b.position());

        List<StoredSample> samples = samplesOf(SampleBlockCodec.decode(5, formatOne));

        assertThat(samples).containsExactly(
                new StoredSample(5, 1_763_700_000_000L, 0, 1.4, -0.005, Double.NaN, Double.NaN, 1, 2, 3,
                        StepKind.CYCLIC_VOLTAMMETRY),
                new StoredSample(6, 1_763_700_001_000L, 1000, 1.39, -0.005, Double.NaN, Double.NaN, 1, 2, 3,
                        StepKind.CYCLIC_VOLTAMMETRY),
                new StoredSample(7, 1_763_700_002_000L, 2000, 1.38, -0.005, Double.NaN, Double.NaN, 1, 2, 3,
                        StepKind.CYCLIC_VOLTAMMETRY));
    }

    @Test
    void timesMayRepeatJumpFarOrStepBack() {
        long[] times = {Long.MIN_VALUE / 2, 0, 0, 1, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 - 1, -5};
        SampleBlock block = new SampleBlock(1, times.length);
        for (int k = 0; k < times.length; k++) {
            block.append(1 + k, times[k], 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, StepKind.REST);
        }
        assertThat(roundTrip(block)).extracting(StoredSample::epochMillis).containsExactly(
                Long.MIN_VALUE / 2, 0L, 0L, 1L, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 - 1, -5L);
    }

    @Test
    void aValueThatRepeatsTakesOneByteAndOneThatMovesByABitTakesTwo() {
        SampleBlock block = new SampleBlock(1, SampleBlock.MAX_SAMPLES);
        for (int k = 0; k < SampleBlock.MAX_SAMPLES; k++) {
            // 25 + 1/64 differs from 25 in bit 42 alone: XOR 1 << 42, two zero bytes before and five after it.
            block.append(1 + k, 1_763_700_000_000L + 1000L * k, 1000L * (k % 600), -0.005, -0.005, Double.NaN,
                    k % 2 == 0 ? 25 : 25.015625, 1, 1 + k / 600, 2, k < 600 ? StepKind.DISCHARGE : StepKind.CHARGE);
        }
        byte[] bytes = SampleBlockCodec.encode(block);
        // Format and n (3), the number of fields (1); time: id, 2-byte length, 6-byte first time,
        // 2-byte first difference, then 1,022 one-byte changes of the difference (1 + 2 + 6 + 2 + 1022);
        // voltage and current: id, 2-byte length, the first value whole (header + 8) and 1,023 repeats
        // of 1 byte (3 + 9 + 1023 each); temperature: id, 2-byte length, 25.0 (0x4039 and six zero
        // bytes: header + 2), then 1,023 changes of one bit (header + 1 byte); cycle and step line:
        // id, length, 1 run of 1,024 (2 + 4 each); step number: 2 runs (2 + 7); step kind: id, length,
        // "discharge" and "charge" (1 + 10 + 7), 2 runs (1 + 3 + 3); step time: id, 2-byte length,
        // 0, +1000 (2 bytes), the falls to 0 and back to +1000 at the new step (3 bytes each), and
        // 1,020 one-byte changes (3 + 1 + 2 + 3 + 3 + 1020).
        int expected = 3 + 1 + (1 + 2 + 6 + 2 + 1022) + 2 * (3 + 9 + 1023) + (3 + 3 + 2 * 1023) + 2 * (2 + 4)
                + (2 + 7) + (2 + 18 + 7) + (3 + 1 + 2 + 3 + 3 + 1020);
        assertThat(bytes.length).isEqualTo(expected);
        assertThat(roundTrip(block)).isEqualTo(samplesOf(block));
    }

    @Test
    void aFullBlockOfSimulatedOneHertzReadingsTakesUnderTwentyBytesPerSample() {
        SampleBlock block = new SampleBlock(1, SampleBlock.MAX_SAMPLES);
        java.util.Random adc = new java.util.Random(20261205);
        for (int k = 0; k < SampleBlock.MAX_SAMPLES; k++) {
            // As the simulated ADC reads: codes a few steps apart, times the step (125 µV, 1.5625 µA, 1/64 °C).
            block.append(1 + k, 1_763_700_000_000L + 1000L * k, 1000L * k, (10_558 - k / 8 + adc.nextInt(3)) * 0.000125,
                    (-1_280 + adc.nextInt(3)) * 1.5625e-6, Double.NaN, (1_600 + adc.nextInt(3) - 1) * 0.015625,
                    1, 1, 2, StepKind.DISCHARGE);
        }
        byte[] bytes = SampleBlockCodec.encode(block);
        // Raw, the three doubles alone were 24 bytes a sample.
        assertThat(bytes.length).isLessThan(20 * SampleBlock.MAX_SAMPLES);
        assertThat(roundTrip(block)).isEqualTo(samplesOf(block));
    }

    @Test
    void aBlockGrowsOnlyByTheNextNumberAndNeedsAStepKind() {
        SampleBlock block = new SampleBlock(10, 1);
        block.append(10, 0, 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, StepKind.REST);
        assertThatThrownBy(() -> block.append(12, 0, 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, StepKind.REST))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sample 12 does not follow sample 10 in a "
                        + "block starting at 10");
        assertThatThrownBy(() -> block.append(11, 0, 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sample 11 has no step kind");
    }

    @Test
    void blocksOfFormatOneWithTheirOptionalColumnsReadOn() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(128).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) 2);                          // format 1, two samples
        b.putLong(1_763_700_000_000L).put((byte) 0xD0).put((byte) 0x0F); // t0, zigzag(+1000) = 2000 as a varint
        b.putDouble(1.5).putDouble(1.25).putDouble(-0.005).putDouble(-0.004);
        b.put((byte) 2).putDouble(25.0).putDouble(25.5);       // temperature only
        b.put((byte) 1).put((byte) 4).put("rest".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put((byte) 1).put((byte) 2).put((byte) 2).put((byte) 6).put((byte) 1).put((byte) 0); // 2 samples: cycle 1, step 3, index −1
        byte[] bytes = java.util.Arrays.copyOf(b.array(), b.position());
        SampleBlock block = SampleBlockCodec.decode(9, bytes);
        assertThat(samplesOf(block)).containsExactly(
                new StoredSample(9, 1_763_700_000_000L, 0, 1.5, -0.005, Double.NaN, 25.0, 1, 3, -1, StepKind.REST),
                new StoredSample(10, 1_763_700_001_000L, 1000, 1.25, -0.004, Double.NaN, 25.5, 1, 3, -1, StepKind.REST));
    }

    @Test
    void blocksOfFormatTwoAsTheStationWroteThemBeforeFieldsReadOnWithTheirStepTime() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(128).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 2).put((byte) 3);                          // format 2, three samples
        // t0, then +1000 and +61,000 ms (zigzag 2000 and 122,000 as varints)
        b.putLong(1_763_700_000_000L).put((byte) 0xD0).put((byte) 0x0F).put((byte) 0x90).put((byte) 0xB9)
                .put((byte) 0x07);
        b.putDouble(1.5).putDouble(1.25).putDouble(1.0).putDouble(-0.005).putDouble(-0.004).putDouble(-0.003);
        b.put((byte) 0);                                        // no optional columns
        byte[] hold = "hold".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        b.put((byte) 1).put((byte) hold.length).put(hold);
        // one segment of 3: cycle 1, step 3, line 2, kind 0, first step time 5,000 ms (0x88 0x27)
        b.put((byte) 1).put((byte) 3).put((byte) 2).put((byte) 6).put((byte) 4).put((byte) 0).put((byte) 0x88)
                .put((byte) 0x27);
        // clock minus step time: 0, then a 60 s pause (zigzag 120,000: 0xC0 0xA9 0x07)
        b.put((byte) 0).put((byte) 0xC0).put((byte) 0xA9).put((byte) 0x07);
        byte[] bytes = java.util.Arrays.copyOf(b.array(), b.position());
        assertThat(samplesOf(SampleBlockCodec.decode(20, bytes))).extracting(StoredSample::seq,
                StoredSample::stepTimeMillis, StoredSample::stepKind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(20L, 5000L, StepKind.HOLD),
                org.assertj.core.groups.Tuple.tuple(21L, 6000L, StepKind.HOLD),
                org.assertj.core.groups.Tuple.tuple(22L, 7000L, StepKind.HOLD));
    }

    @Test
    void aFieldThisVersionDoesNotKnowIsPassedOverAndAFieldTwiceIsRefused() {
        SampleBlock block = new SampleBlock(1, 1);
        block.append(1, 5, 0, 1.0, 0.5, Double.NaN, Double.NaN, 1, 1, 1, StepKind.REST);
        byte[] bytes = SampleBlockCodec.encode(block);
        byte[] unknown = java.util.Arrays.copyOf(bytes, bytes.length + 4);
        unknown[bytes.length] = (byte) 200;                    // a field from a later version: id 200, 2 bytes
        unknown[bytes.length + 1] = 2;
        unknown[2]++;                                           // the number of fields, after format and n
        assertThat(samplesOf(SampleBlockCodec.decode(1, unknown))).isEqualTo(samplesOf(block));

        byte[] twice = java.util.Arrays.copyOf(bytes, bytes.length + 10);
        java.nio.ByteBuffer.wrap(twice, bytes.length, 10).put((byte) SampleField.VOLTAGE.id()).put((byte) 8)
                .putLong(0);
        twice[2]++;
        assertThatThrownBy(() -> SampleBlockCodec.decode(1, twice))
                .hasMessage("sample block starting at 1 holds field voltage twice");
    }

    @Test
    void damagedBytesAreRefusedWithWhatIsWrong() {
        SampleBlock block = new SampleBlock(1, 2);
        block.append(1, 0, 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, StepKind.REST);
        block.append(2, 1, 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, StepKind.REST);
        byte[] bytes = SampleBlockCodec.encode(block);

        byte[] otherFormat = bytes.clone();
        otherFormat[0] = 9;
        assertThatThrownBy(() -> SampleBlockCodec.decode(1, otherFormat))
                .hasMessage("sample block starting at 1 has format 9; this version reads formats 1 to 3");
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> SampleBlockCodec.decode(1, cut))
                .hasMessageStartingWith("sample block starting at 1 ends early");
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> SampleBlockCodec.decode(1, longer))
                .hasMessage("sample block starting at 1 has 1 bytes after its last column");
    }
}
