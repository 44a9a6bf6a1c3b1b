package org.no3rr.hal.fake;

import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import java.util.EnumMap;
import java.util.Map;
import org.no3rr.hal.ads1115.Gain;
import org.no3rr.hal.ads1115.Mux;

/**
 * An ADS1115 register model (SBAS444): config 01h resets to 0x8583; writing OS = 1 starts a
 * conversion of the selected MUX at the selected PGA, during which OS reads 0 for
 * {@link #busyForPolls} reads; the result is the input voltage over the full scale, saturating at
 * 0x7FFF and 0x8000 as the chip does.
 */
public final class FakeAds1115 extends FakeI2c {

    private static final int CONFIG = 0x01;
    private static final int CONVERSION = 0x00;
    private static final int OS = 0x8000;

    private final Map<Mux, Double> inputVolts = new EnumMap<>(Mux.class);
    private int config = 0x8583;
    private int conversion;
    private int busyForPolls;
    private int busyRemaining;
    private Integer forcedCode;

    public FakeAds1115(I2CProvider provider, I2CConfig config) {
        super(provider, config);
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
            if (busyRemaining > 0) {
                busyRemaining--;
                return word(config & ~OS);
            }
            return word(config | OS);
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
            busyRemaining = busyForPolls;
            conversion = forcedCode != null ? forcedCode & 0xFFFF : convert();
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
