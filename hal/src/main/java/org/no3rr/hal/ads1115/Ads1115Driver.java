package org.no3rr.hal.ads1115;

import com.pi4j.io.i2c.I2C;
import java.util.Objects;
import org.no3rr.hal.HalException;
import org.no3rr.hal.i2c.I2cChip;
import org.no3rr.hal.i2c.Pacer;

/**
 * TI ADS1115 16-bit delta-sigma ADC (datasheet SBAS444) on its I2C address 0x48–0x4B.
 *
 * <p>Every reading is a single-shot conversion: the config register (pointer 01h) is written with
 * OS = 1 and the chosen MUX, PGA and DR, the driver waits one data period, then polls OS until the
 * chip reports "not converting" and reads the conversion register (pointer 00h), a big-endian
 * two's-complement word. Single-shot mode is used because one chip serves several inputs of a
 * channel: continuous mode would hand back a result of the previous multiplexer setting. The
 * comparator is always disabled (COMP_QUE = 11), so ALERT/RDY stays high-impedance.
 *
 * <p>Conversions are serialised on this driver: the chip has one converter.
 */
public final class Ads1115Driver implements AutoCloseable {

    public static final int MIN_ADDRESS = 0x48;
    public static final int MAX_ADDRESS = 0x4B;

    static final int CONVERSION_REGISTER = 0x00;
    static final int CONFIG_REGISTER = 0x01;

    /** OS, bit 15: write 1 to start a single conversion; reads 1 when no conversion is in progress. */
    static final int OS = 1 << 15;
    /** MODE, bit 8: 1 = single-shot (power-down between conversions). */
    static final int MODE_SINGLE_SHOT = 1 << 8;
    /** COMP_QUE[1:0] = 11: comparator disabled. COMP_MODE, COMP_POL and COMP_LAT stay at their reset 0. */
    static final int COMPARATOR_DISABLED = 0b11;

    /**
     * Polls of OS after the first data period. The oscillator is specified to ±10 %, so a conversion
     * is due by 1.1 periods; 16 polls an eighth of a period apart wait three periods in all before
     * calling the chip unresponsive.
     */
    static final int MAX_POLLS = 16;

    /**
     * How long the identification waits after starting a conversion at DR = 000 before it asks
     * whether the conversion is done: an ADS1115 needs 1/8 s there, an ADS1015 1/128 s (see
     * {@link #identify}); 20 ms is more than twice the ADS1015's slowest and less than a fifth of
     * the ADS1115's fastest.
     */
    static final long IDENTIFY_WAIT_NANOS = 20_000_000L;
    static final int IDENTIFY_TRIES = 3;

    private final I2cChip chip;
    private final Pacer pacer;

    /**
     * Opens the chip and leaves it idle in single-shot mode with the comparator disabled and the
     * reset multiplexer, gain and rate (AIN0–AIN1, ±2.048 V, 128 SPS): config word 0x0583.
     *
     * @throws HalException when the chip does not answer
     */
    public Ads1115Driver(I2cChip chip, Pacer pacer) {
        this.chip = Objects.requireNonNull(chip, "chip");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        chip.writeWord(CONFIG_REGISTER, configWord(Mux.AIN0_AIN1, Gain.FS_2_048V, DataRate.SPS_128) & ~OS);
    }

    /** A chip on a bus of its own (no retries); see {@link #Ads1115Driver(I2cChip, Pacer)}. */
    public Ads1115Driver(I2C i2c, Pacer pacer) {
        this(new I2cChip("ADS1115", i2c), pacer);
    }

    /**
     * Checks that an ADS1115 answers by reading its config register, without writing anything.
     *
     * @throws HalException when it does not answer
     */
    public static void probe(I2cChip chip) {
        chip.readWord(CONFIG_REGISTER);
    }

    /**
     * Refuses an ADS1015 (12-bit, same address, same registers) answering in place of an ADS1115. The
     * two differ in what data-rate code 000 means: 8 SPS on the ADS1115 (SBAS444, "Output Data Rate and
     * Conversion Time": 8 … 860 SPS), 128 SPS on the ADS1015 (SBAS473: 128 … 3300 SPS); a single-shot
     * conversion takes one period, 125 ms or 7.8 ms, each ±10 %. This starts one conversion at DR = 000,
     * waits 20 ms and reads OS: still converting is an ADS1115, done is an ADS1015 (a wait the scheduler
     * stretched beyond 112 ms proves nothing and is repeated). Nothing but the ADC
     * itself is touched; the method returns once the conversion is over, so the chip is idle again.
     *
     * @throws HalException when the chip answers like an ADS1015, or does not answer
     */
    public static void identify(I2cChip chip, Pacer pacer) {
        int config = configWord(Mux.AIN0_GND, Gain.FS_6_144V, DataRate.SPS_8);
        long fastest = DataRate.SPS_8.periodNanos() * 9 / 10;
        for (int attempt = 1; attempt <= IDENTIFY_TRIES; attempt++) {
            chip.writeWord(CONFIG_REGISTER, config);
            long started = pacer.nanoTime();
            pacer.pause(IDENTIFY_WAIT_NANOS);
            boolean done = (chip.readWord(CONFIG_REGISTER) & OS) != 0;
            long waited = pacer.nanoTime() - started;
            if (!done) {
                awaitIdle(chip, pacer);
                return;
            }
            if (waited < fastest) {
                throw new HalException(chip.describe() + " is not an ADS1115: a conversion at data-rate code 000 was done"
                        + " within " + waited / 1_000_000 + " ms, where an ADS1115 takes 125 ms (8 SPS ± 10 %) and an"
                        + " ADS1015 (12-bit) 7.8 ms (128 SPS); fit an ADS1115");
            }
        }
        throw new HalException(chip.describe() + ": could not tell an ADS1115 from an ADS1015: every wait for the check"
                + " took over " + fastest / 1_000_000 + " ms (is the machine overloaded?)");
    }

    /** Waits until the conversion in progress is over (at most two 8 SPS periods). */
    private static void awaitIdle(I2cChip chip, Pacer pacer) {
        long step = DataRate.SPS_8.periodNanos() / 8;
        for (int poll = 0; poll < 16; poll++) {
            if ((chip.readWord(CONFIG_REGISTER) & OS) != 0) {
                return;
            }
            pacer.pause(step);
        }
        throw new HalException(chip.describe() + ": a conversion at 8 SPS did not finish within 250 ms");
    }

    /** The config word that starts a single-shot conversion of {@code mux} at {@code gain} and {@code rate}. */
    public static int configWord(Mux mux, Gain gain, DataRate rate) {
        return OS | mux.bits() << 12 | gain.bits() << 9 | MODE_SINGLE_SHOT | rate.bits() << 5 | COMPARATOR_DISABLED;
    }

    /** Volts for a conversion code: code × FS / 32768 (0x7FFF reads FS·32767/32768, 0x8000 reads −FS). */
    public static double volts(int code, Gain gain) {
        return code * gain.fullScaleVolts() / 32768.0;
    }

    /** One conversion, as the signed 16-bit code. */
    public synchronized int convert(Mux mux, Gain gain, DataRate rate) {
        chip.writeWord(CONFIG_REGISTER, configWord(mux, gain, rate));
        long period = rate.periodNanos();
        pacer.pause(period);
        for (int poll = 0; poll <= MAX_POLLS; poll++) {
            if ((chip.readWord(CONFIG_REGISTER) & OS) != 0) {
                return (short) chip.readWord(CONVERSION_REGISTER);
            }
            if (poll < MAX_POLLS) {
                pacer.pause(period / 8);
            }
        }
        throw new HalException(chip.describe() + ": conversion of " + mux + " did not finish within "
                + (MAX_POLLS + 8) / 8 + " data periods of " + rate.samplesPerSecond() + " SPS");
    }

    /** One conversion in volts at the input pins. */
    public double readVolts(Mux mux, Gain gain, DataRate rate) {
        return volts(convert(mux, gain, rate), gain);
    }

    /** An input of this chip at a fixed multiplexer, gain and rate. */
    public Ads1115Channel channel(Mux mux, Gain gain, DataRate rate) {
        return new Ads1115Channel(this, mux, gain, rate);
    }

    /** "ADS1115 on bus 1 at 0x48". */
    public String describe() {
        return chip.describe();
    }

    @Override
    public void close() {
        chip.close();
    }
}
