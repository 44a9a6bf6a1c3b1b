package org.no3rr.hal.fake;

import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.no3rr.hal.ads1115.Gain;
import org.no3rr.hal.ads1115.Mux;

/**
 * An ADS1115 register model (SBAS444): config 01h resets to 0x8583; writing OS = 1 starts a
 * conversion of the selected MUX at the selected PGA; the result is the input voltage over the full
 * scale, saturating at 0x7FFF and 0x8000 as the chip does. A conversion is busy (OS reads 0) for one
 * data period of a clock — the provider's time, or {@link #time} — or, without a clock, for
 * {@link #busyForPolls} reads.
 *
 * <p>{@link #asAds1015()} makes it the 12-bit sibling at the same address (SBAS473): data-rate code
 * 000 means 128 SPS instead of 8, and the conversion register's low four bits always read 0.
 */
public final class FakeAds1115 extends FakeI2c {

    /** SPS per DR code: SBAS444 (ADS1115) and SBAS473 (ADS1015, codes 110 and 111 both 3300). */
    private static final int[] ADS1115_SPS = {8, 16, 32, 64, 128, 250, 475, 860};
    private static final int[] ADS1015_SPS = {128, 250, 490, 920, 1600, 2400, 3300, 3300};

    private static final int CONFIG = 0x01;
    private static final int CONVERSION = 0x00;
    private static final int OS = 0x8000;

    private final Map<Mux, Double> inputVolts = new EnumMap<>(Mux.class);
    private int config = 0x8583;
    private int conversion;
    private int busyForPolls;
    private int busyRemaining;
    private Integer forcedCode;
    private LongSupplier clock;
    private long doneAtNanos;
    private boolean ads1015;
    private int conversions;

    public FakeAds1115(I2CProvider provider, I2CConfig config) {
        super(provider, config);
        if (provider instanceof FakeI2cProvider fakes) {
            clock = fakes::nanoTime;
        }
    }

    /** Conversions take one data period of {@code nanoTime}. */
    public FakeAds1115 time(LongSupplier nanoTime) {
        clock = nanoTime;
        return this;
    }

    /** An ADS1015 answering at this address. */
    public FakeAds1115 asAds1015() {
        ads1015 = true;
        return this;
    }

    /** Conversions started so far. */
    public int conversions() {
        return conversions;
    }

    /** The differential voltage at the pins of {@code mux}. */
    public FakeAds1115 input(Mux mux, double volts) {
        inputVolts.put(mux, volts);
        return this;
    }

    /** Every following conversion yields {@code code}, whatever the input. */
    public FakeAds1115 forceCode(int code) {
        forcedCode = code;
        return this;
    }

    /** How many config reads report "converting" after each start. */
    public FakeAds1115 busyForPolls(int polls) {
        busyForPolls = polls;
        return this;
    }

    public int configRegister() {
        return config;
    }

    @Override
    protected byte[] onRegisterRead(int register, int length) {
        if (register == CONFIG) {
            boolean busy = clock != null ? clock.getAsLong() - doneAtNanos < 0 : busyRemaining > 0;
            if (clock == null && busy) {
                busyRemaining--;
            }
            return word(busy ? config & ~OS : config | OS);
        }
        if (register == CONVERSION) {
            return word(conversion);
        }
        throw new IllegalStateException("ADS1115 has no register " + register + " in this model");
    }

    @Override
    protected void onRegisterWrite(int register, byte[] data) {
        if (register != CONFIG) {
            throw new IllegalStateException("driver wrote register " + register + "; only the config register is expected");
        }
        config = word(data);
        if ((config & OS) != 0) {
            conversions++;
            busyRemaining = busyForPolls;
            int sps = (ads1015 ? ADS1015_SPS : ADS1115_SPS)[config >> 5 & 0b111];
            doneAtNanos = clock == null ? 0 : clock.getAsLong() + (1_000_000_000L + sps - 1) / sps;
            conversion = forcedCode != null ? forcedCode & 0xFFFF : convert();
            if (ads1015) {
                conversion &= 0xFFF0;
            }
        }
    }

    private int convert() {
        Mux mux = Mux.values()[config >> 12 & 0b111];
        int pga = config >> 9 & 0b111;
        Gain gain = Gain.values()[Math.min(pga, Gain.FS_0_256V.ordinal())];
        double volts = inputVolts.getOrDefault(mux, 0.0);
        long code = Math.round(volts / gain.fullScaleVolts() * 32768);
        return (int) Math.max(-32768, Math.min(32767, code)) & 0xFFFF;
    }
}
