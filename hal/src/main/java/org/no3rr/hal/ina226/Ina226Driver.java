package org.no3rr.hal.ina226;

import com.pi4j.io.i2c.I2C;
import java.util.concurrent.atomic.AtomicLong;
import org.no3rr.hal.HalException;
import org.no3rr.hal.i2c.I2cChip;

/**
 * TI INA226 current and bus-voltage monitor (datasheet SBOS547) on its I2C address 0x40–0x4F.
 *
 * <p>Registers are big-endian words: configuration 00h, shunt voltage 01h (two's complement,
 * LSB 2.5 µV), bus voltage 02h (LSB 1.25 mV), power 03h, current 04h (two's complement, LSB =
 * Current_LSB), calibration 05h = 0.00512 / (Current_LSB × R_SHUNT) (Equation 1), manufacturer ID
 * FEh = 0x5449 ("TI") and die ID FFh = 0x2260. The chip converts continuously; a read returns the
 * latest completed average.
 */
public final class Ina226Driver implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Ina226Driver.class.getName());

    public static final int MIN_ADDRESS = 0x40;
    public static final int MAX_ADDRESS = 0x4F;

    static final int CONFIGURATION = 0x00;
    static final int SHUNT_VOLTAGE = 0x01;
    static final int BUS_VOLTAGE = 0x02;
    static final int CURRENT = 0x04;
    static final int CALIBRATION = 0x05;
    static final int MANUFACTURER_ID = 0xFE;
    static final int DIE_ID = 0xFF;

    public static final int TEXAS_INSTRUMENTS = 0x5449;
    public static final int INA226_DIE = 0x2260;

    public static final double SHUNT_LSB_VOLTS = 2.5e-6;
    public static final double BUS_LSB_VOLTS = 1.25e-3;
    /** The fixed constant of Equation 1, which scales the calibration to the 2.5 µV shunt LSB. */
    static final double CALIBRATION_CONSTANT = 0.00512;
    /** Bit 14 of the configuration register is reserved and reads 1 (reset value 0x4127). */
    static final int CONFIGURATION_RESERVED = 1 << 14;

    private final I2cChip chip;
    private final double currentLsbAmps;
    private final double shuntOhms;
    private final int configuration;
    private final int calibration;
    private final AtomicLong resetsRepaired = new AtomicLong();

    /**
     * Opens the chip, checks that it is an INA226, and writes its configuration and calibration.
     *
     * @throws IllegalArgumentException when the shunt and LSB give a calibration outside 1–32767
     * @throws HalException             when the chip does not answer or is not an INA226
     */
    public Ina226Driver(I2cChip chip, Ina226Settings settings) {
        this.calibration = calibrationWord(settings.currentLsbAmps(), settings.shuntOhms());
        this.configuration = configurationWord(settings);
        this.chip = chip;
        this.currentLsbAmps = settings.currentLsbAmps();
        this.shuntOhms = settings.shuntOhms();
        checkIdentity();
        configure();
    }

    /** A chip on a bus of its own (no retries); see {@link #Ina226Driver(I2cChip, Ina226Settings)}. */
    public Ina226Driver(I2C i2c, Ina226Settings settings) {
        this(new I2cChip("INA226", i2c), settings);
    }

    private void configure() {
        chip.writeWord(CONFIGURATION, configuration);
        chip.writeWord(CALIBRATION, calibration);
    }

    /** The configuration register word for {@code settings}. */
    public static int configurationWord(Ina226Settings s) {
        return CONFIGURATION_RESERVED | s.averaging().bits() << 9 | s.busConversion().bits() << 6
                | s.shuntConversion().bits() << 3 | s.mode().bits();
    }

    /** CAL = 0.00512 / (Current_LSB × R_SHUNT), rounded; the register holds 15 bits. */
    public static int calibrationWord(double currentLsbAmps, double shuntOhms) {
        double exact = CALIBRATION_CONSTANT / (currentLsbAmps * shuntOhms);
        long cal = Math.round(exact);
        if (cal < 1 || cal > 0x7FFF) {
            throw new IllegalArgumentException("INA226 calibration 0.00512/(" + currentLsbAmps + " A × " + shuntOhms
                    + " Ω) = " + exact + " is outside 1 to 32767: choose a current LSB between "
                    + CALIBRATION_CONSTANT / (0x7FFF * shuntOhms) + " A and " + CALIBRATION_CONSTANT / shuntOhms + " A");
        }
        return (int) cal;
    }

    /**
     * Checks that an INA226 answers and that its ID registers say so, without writing anything.
     *
     * @throws HalException when it does not answer or is another chip
     */
    public static void probe(I2cChip chip) {
        checkIdentity(chip);
    }

    private void checkIdentity() {
        checkIdentity(chip);
    }

    private static void checkIdentity(I2cChip chip) {
        int manufacturer = chip.readWord(MANUFACTURER_ID);
        int die = chip.readWord(DIE_ID);
        if (manufacturer != TEXAS_INSTRUMENTS || die != INA226_DIE) {
            throw new HalException(chip.describe() + " is not an INA226: manufacturer ID " + hex(manufacturer)
                    + " (expected 0x5449), die ID " + hex(die) + " (expected 0x2260)");
        }
    }

    /** The shunt voltage in V, signed. */
    public double shuntVolts() {
        return (short) chip.readWord(SHUNT_VOLTAGE) * SHUNT_LSB_VOLTS;
    }

    /** The bus voltage in V (IN− or VBUS to GND). */
    public double busVolts() {
        return chip.readWord(BUS_VOLTAGE) * BUS_LSB_VOLTS;
    }

    /**
     * The current in A, signed, from the chip's own calibrated current register. A chip reset by a
     * supply dip comes back with CAL = 0 and then reads 0 A whatever flows, so a zero is checked as
     * the Linux ina2xx driver does: when CAL is not what was written, configuration and calibration
     * are written again and this reading is taken from the shunt-voltage register (which the chip
     * converts in every mode, calibrated or not), V_shunt / R_shunt.
     */
    public double currentAmps() {
        int raw = (short) chip.readWord(CURRENT);
        if (raw != 0) {
            return raw * currentLsbAmps;
        }
        int cal = chip.readWord(CALIBRATION);
        if (cal == calibration) {
            return 0.0;
        }
        configure();
        resetsRepaired.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "{0} had lost its calibration (CAL read {1}, expected {2}):"
                + " configuration and calibration written again", chip.describe(), hex(cal), hex(calibration));
        return shuntVolts() / shuntOhms;
    }

    /** How often a reset chip (calibration lost) was found and set up again. */
    public long resetsRepaired() {
        return resetsRepaired.get();
    }

    /** "INA226 on bus 1 at 0x40". */
    public String describe() {
        return chip.describe();
    }

    private static String hex(int word) {
        return String.format("0x%04X", word);
    }

    @Override
    public void close() {
        chip.close();
    }
}
