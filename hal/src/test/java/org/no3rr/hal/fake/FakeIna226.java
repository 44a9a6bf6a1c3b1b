package org.no3rr.hal.fake;

import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;

/**
 * An INA226 register model (SBOS547): configuration resets to 0x4127, IDs 0x5449 / 0x2260, and the
 * current register computed as the chip does, Current = ShuntVoltage × CAL / 2048 (Equation 3).
 */
public final class FakeIna226 extends FakeI2c {

    private int configuration = 0x4127;
    private int calibration;
    private int shuntRegister;
    private int busRegister;
    private volatile java.util.function.DoubleSupplier shuntFollows;
    private int manufacturerId = 0x5449;
    private int dieId = 0x2260;

    public FakeIna226(I2CProvider provider, I2CConfig config) {
        super(provider, config);
    }

    /** The shunt voltage in V, stored in 2.5 µV counts. */
    public FakeIna226 shuntVolts(double volts) {
        shuntRegister = (int) Math.round(volts / 2.5e-6);
        return this;
    }

    /** The shunt voltage follows {@code volts} at every read, e.g. a dummy load driven by a fake DAC. */
    public FakeIna226 shuntFollows(java.util.function.DoubleSupplier volts) {
        shuntFollows = volts;
        return this;
    }

    public FakeIna226 shuntRegister(int raw) {
        shuntRegister = (short) raw;
        return this;
    }

    public FakeIna226 busRegister(int raw) {
        busRegister = raw;
        return this;
    }

    public FakeIna226 ids(int manufacturer, int die) {
        manufacturerId = manufacturer;
        dieId = die;
        return this;
    }

    /** A supply dip: every register back to its power-on value, so CAL = 0 and the current reads 0. */
    public FakeIna226 powerOnReset() {
        configuration = 0x4127;
        calibration = 0;
        return this;
    }

    public int configuration() {
        return configuration;
    }

    public int calibration() {
        return calibration;
    }

    @Override
    protected byte[] onRegisterRead(int register, int length) {
        java.util.function.DoubleSupplier follows = shuntFollows;
        if (follows != null) {
            shuntVolts(follows.getAsDouble());
        }
        return word(switch (register) {
            case 0x00 -> configuration;
            case 0x01 -> shuntRegister;
            case 0x02 -> busRegister;
            case 0x04 -> shuntRegister * calibration / 2048;
            case 0x05 -> calibration;
            case 0xFE -> manufacturerId;
            case 0xFF -> dieId;
            default -> throw new IllegalStateException("INA226 register " + register + " is not in this model");
        });
    }

    @Override
    protected void onRegisterWrite(int register, byte[] data) {
        switch (register) {
            case 0x00 -> configuration = word(data);
            case 0x05 -> calibration = word(data);
            default -> throw new IllegalStateException("driver wrote INA226 register " + register);
        }
    }
}
