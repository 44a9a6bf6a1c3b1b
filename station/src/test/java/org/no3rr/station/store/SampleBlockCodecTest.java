package org.no3rr.station.store;

import org.junit.jupiter.api.Test;

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
        block.append(41, 1_763_700_000_123L, 1.2345, -0.005, Double.NaN, 25.5, 3, 7, 2, "discharge");
        assertThat(roundTrip(block)).containsExactly(
                new StoredSample(41, 1_763_700_000_123L, 1.2345, -0.005, Double.NaN, 25.5, 3, 7, 2, "discharge"));
    }

    @Test
    void doublesKeepTheirExactBits() {
        double[] values = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MIN_NORMAL, 1e-300, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2,
                Math.nextUp(1.0), Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};
        SampleBlock block = new SampleBlock(1, values.length);
        for (int k = 0; k < values.length; k++) {
            double other = values[values.length - 1 - k];
            block.append(1 + k, 1000L * k, values[k], other, values[k], other, 1, 1, 1, "rest");
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
            without.append(1 + k, k, 1.0, 0.001, Double.NaN, Double.NaN, 1, 1, 1, "charge");
            with.append(1 + k, k, 1.0, 0.001, k == 1 ? -0.25 : Double.NaN, Double.NaN, 1, 1, 1, "charge");
        }
        assertThat(SampleBlockCodec.encode(with).length - SampleBlockCodec.encode(without).length).isEqualTo(3 * 8);
        assertThat(roundTrip(without)).allSatisfy(s -> {
            assertThat(s.workingElectrodePotential()).isNaN();
            assertThat(s.temperature()).isNaN();
        });
        assertThat(roundTrip(with)).extracting(StoredSample::workingElectrodePotential)
                .containsExactly(Double.NaN, -0.25, Double.NaN);
    }

    @Test
    void stepsAndStepTypesThatChangeWithinABlockComeBackPerSample() {
        SampleBlock block = new SampleBlock(100, 8);
        String[] types = {"rest", "rest", "discharge", "discharge", "rest", "charge", "charge", "ASK → ü"};
        int[] cycles = {1, 1, 1, 1, 1, 2, 2, Integer.MAX_VALUE};
        int[] steps = {1, 1, 2, 2, 3, 4, 4, Integer.MIN_VALUE};
        int[] indexes = {0, 0, 1, 1, 0, 2, 3, -1};
        for (int k = 0; k < types.length; k++) {
            block.append(100 + k, 5_000L + k, k, -k, Double.NaN, 20 + k, cycles[k], steps[k], indexes[k], types[k]);
        }
        assertThat(roundTrip(block)).isEqualTo(samplesOf(block));
        assertThat(block.minStepNumber()).isEqualTo(Integer.MIN_VALUE);
        assertThat(block.maxStepNumber()).isEqualTo(4);
    }

    @Test
    void timesMayRepeatJumpFarOrStepBack() {
        long[] times = {Long.MIN_VALUE / 2, 0, 0, 1, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 - 1, -5};
        SampleBlock block = new SampleBlock(1, times.length);
        for (int k = 0; k < times.length; k++) {
            block.append(1 + k, times[k], 1, 1, Double.NaN, Double.NaN, 1, 1, 1, "rest");
        }
        assertThat(roundTrip(block)).extracting(StoredSample::epochMillis).containsExactly(
                Long.MIN_VALUE / 2, 0L, 0L, 1L, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 - 1, -5L);
    }

    @Test
    void aFullBlockOfOneHertzSamplesTakesAboutThirtyThreeBytesPerSample() {
        SampleBlock block = new SampleBlock(1, SampleBlock.MAX_SAMPLES);
        for (int k = 0; k < SampleBlock.MAX_SAMPLES; k++) {
            block.append(1 + k, 1_763_700_000_000L + 1000L * k, 1.4 - k * 1e-4, -0.005, Double.NaN, 25 + k * 1e-3,
                    1, 1 + k / 600, 2, k < 600 ? "discharge" : "charge");
        }
        byte[] bytes = SampleBlockCodec.encode(block);
        // 3 doubles (24 B) and a 2-byte time difference per sample, plus a few bytes for the steps.
        assertThat(bytes.length).isBetween(26 * SampleBlock.MAX_SAMPLES, 26 * SampleBlock.MAX_SAMPLES + 64);
        assertThat(roundTrip(block)).isEqualTo(samplesOf(block));
    }

    @Test
    void aBlockGrowsOnlyByTheNextNumberAndNeedsAStepType() {
        SampleBlock block = new SampleBlock(10, 1);
        block.append(10, 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, "rest");
        assertThatThrownBy(() -> block.append(12, 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, "rest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sample 12 does not follow sample 10 in a "
                        + "block starting at 10");
        assertThatThrownBy(() -> block.append(11, 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sample 11 has no step type");
    }

    @Test
    void damagedBytesAreRefusedWithWhatIsWrong() {
        SampleBlock block = new SampleBlock(1, 2);
        block.append(1, 0, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, "rest");
        block.append(2, 1, 1, 1, Double.NaN, Double.NaN, 1, 1, 1, "rest");
        byte[] bytes = SampleBlockCodec.encode(block);

        byte[] otherFormat = bytes.clone();
        otherFormat[0] = 9;
        assertThatThrownBy(() -> SampleBlockCodec.decode(1, otherFormat))
                .hasMessage("sample block starting at 1 has format 9; this version reads format 1 only");
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> SampleBlockCodec.decode(1, cut))
                .hasMessageStartingWith("sample block starting at 1 ends early");
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> SampleBlockCodec.decode(1, longer))
                .hasMessage("sample block starting at 1 has 1 bytes after its last column");
    }
}
