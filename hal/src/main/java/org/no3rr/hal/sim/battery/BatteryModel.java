package org.no3rr.hal.sim.battery;

import static org.no3rr.hal.sim.chem.Electrochemistry.ELECTRONS_AMMONIA;
import static org.no3rr.hal.sim.chem.Electrochemistry.asinh;
import static org.no3rr.hal.sim.chem.Electrochemistry.ELECTRONS_HYDROGEN;
import static org.no3rr.hal.sim.chem.Electrochemistry.ELECTRONS_NITRITE;
import static org.no3rr.hal.sim.chem.Electrochemistry.molesFromCharge;

import org.no3rr.hal.CellKind;
import org.no3rr.hal.sim.CellModel;
import org.no3rr.hal.sim.CellResponse;
import org.no3rr.hal.sim.Drive;
import org.no3rr.hal.sim.chem.Catholyte;
import org.no3rr.hal.sim.chem.CatholyteTruth;
import org.no3rr.hal.sim.chem.ChargeTally;
import org.no3rr.hal.sim.chem.Electrochemistry;

/**
 * A two-electrode Zn–NO3⁻ battery: Zn anode, nitrate-reducing cathode, one electrolyte.
 *
 * <p>Discharge (negative current) strips Zn and reduces nitrate to NH3 (and a little NO2⁻ and H2);
 * the terminal voltage is OCV(SOC) − I·R − η_act − η_conc. Charge (positive current) re-plates Zn
 * while the cathode evolves oxygen, so the charging voltage sits well above the OCV and nitrate is
 * not restored. The state of charge is the active Zn left over the (slowly fading) capacity; as it
 * nears zero the Zn-stripping limit collapses the voltage, which is what ends a discharge at a cut-off.
 * Beyond a limiting current the concentration term is floored, so the cell reverses to a finite
 * negative voltage instead of producing infinities. Equations and sources: docs/simulator.md.
 */
public final class BatteryModel implements CellModel {

    /** Width of the OCV bend at the ends, as a fraction of SOC; keeps OCV finite at 0 % and 100 %. */
    private static final double OCV_END_WIDTH = 0.01;

    /** Smallest argument of ln(1 − j/j_lim): −ln of it bounds a collapsed voltage at about 27.6·B. */
    private static final double MIN_TRANSPORT_MARGIN = 1e-12;

    private static final double MAH = 3.6;
    private static final double FE_ROLL_OFF_EXPONENT = 4.0;

    private final BatteryParameters parameters;
    private final double areaCm2;
    private final double freshCapacityCoulombs;
    private final double resistanceOhms;
    private final double kineticVolts;
    private final double dischargeExchangeAmpsPerCm2;
    private final double chargeExchangeAmpsPerCm2;
    private final double nitrateLimitAmpsPerCm2;
    private final double zincLimitAmpsPerCm2;
    private final double feHalfAmpsPerCm2;
    private final double logRetentionPerCycle;
    private final Catholyte catholyte;
    private final ChargeTally charge = new ChargeTally();
    private double zincCoulombs;
    private double hydrogenMoles;

    public BatteryModel(BatteryParameters parameters) {
        this.parameters = BatteryParameters.TABLE.validate(parameters);
        if (parameters.ammoniaFeMax() + parameters.nitriteFe() > 1) {
            throw new IllegalArgumentException("ammonia-fe-max + nitrite-fe must not exceed 1, was "
                    + parameters.ammoniaFeMax() + " + " + parameters.nitriteFe());
        }
        this.areaCm2 = parameters.areaCm2();
        this.freshCapacityCoulombs = parameters.capacityMah() * MAH;
        this.resistanceOhms = parameters.resistanceOhmCm2() / areaCm2;
        this.kineticVolts = Electrochemistry.thermalVoltage(parameters.temperatureCelsius())
                / parameters.transferCoefficient();
        this.dischargeExchangeAmpsPerCm2 = parameters.dischargeExchangeCurrentDensityMaCm2() * 1e-3;
        this.chargeExchangeAmpsPerCm2 = parameters.chargeExchangeCurrentDensityMaCm2() * 1e-3;
        this.nitrateLimitAmpsPerCm2 = parameters.nitrateLimitingCurrentDensityMaCm2() * 1e-3;
        this.zincLimitAmpsPerCm2 = parameters.zincLimitingCurrentDensityMaCm2() * 1e-3;
        this.feHalfAmpsPerCm2 = parameters.ammoniaFeHalfCurrentDensityMaCm2() * 1e-3;
        this.logRetentionPerCycle = Math.log1p(-parameters.capacityFadePerCycle());
        this.catholyte = new Catholyte(parameters.catholyteVolumeMl() * 1e-3, parameters.nitrateMolPerL());
        this.zincCoulombs = freshCapacityCoulombs * parameters.initialStateOfCharge();
    }

    @Override
    public CellKind kind() {
        return CellKind.ZN_NITRATE_BATTERY;
    }

    @Override
    public CellResponse respond(Drive drive) {
        double amps = currentOf(drive);
        return new CellResponse(terminalVoltage(amps), amps, Double.NaN);
    }

    @Override
    public void integrate(double seconds, Drive drive) {
        double amps = currentOf(drive);
        charge.add(amps, seconds);
        double coulombs = Math.abs(amps) * seconds;
        if (amps < 0) {
            discharge(coulombs, -amps / areaCm2);
        } else if (amps > 0) {
            zincCoulombs = Math.min(capacityCoulombs(), zincCoulombs + parameters.zincPlatingEfficiency() * coulombs);
        }
    }

    private void discharge(double coulombs, double currentDensity) {
        zincCoulombs = Math.max(0.0, zincCoulombs - coulombs);
        zincCoulombs = Math.min(zincCoulombs, capacityCoulombs());
        double ammoniaFe = ammoniaFaradaicEfficiency(currentDensity);
        double done = catholyte.reduceNitrate(
                molesFromCharge(ammoniaFe * coulombs, ELECTRONS_AMMONIA),
                molesFromCharge(parameters.nitriteFe() * coulombs, ELECTRONS_NITRITE));
        double hydrogenFe = 1.0 - done * (ammoniaFe + parameters.nitriteFe());
        hydrogenMoles += molesFromCharge(hydrogenFe * coulombs, ELECTRONS_HYDROGEN);
    }

    /**
     * Terminal voltage at {@code amps} in the present state.
     * Discharge: OCV − I·R − (RT/αF)·asinh(j/2j₀) + B·ln(1 − j/j_lim,NO3) + B·ln(1 − j/j_lim,Zn);
     * charge: OCV + I·R + (RT/αF)·asinh(j/2j₀,OER).
     */
    public double terminalVoltage(double amps) {
        double ocv = openCircuitVoltage();
        if (amps > 0) {
            double j = amps / areaCm2;
            return ocv + amps * resistanceOhms + kineticVolts * asinh(j / (2 * chargeExchangeAmpsPerCm2));
        }
        if (amps < 0) {
            double j = -amps / areaCm2;
            return ocv + amps * resistanceOhms
                    - kineticVolts * asinh(j / (2 * dischargeExchangeAmpsPerCm2))
                    + parameters.concentrationLossVolts() * (transportLog(j, nitrateLimitingCurrentDensity())
                    + transportLog(j, zincLimitAmpsPerCm2 * stateOfCharge()));
        }
        return ocv;
    }

    /** OCV(s) = E_mid + slope·(s − ½) + steepness·ln((s + w)/(1 − s + w)), w = 0.01. */
    public double openCircuitVoltage() {
        double s = stateOfCharge();
        return parameters.ocvMidVolts() + parameters.ocvSlopeVolts() * (s - 0.5)
                + parameters.ocvEndSteepnessVolts() * Math.log((s + OCV_END_WIDTH) / (1.0 - s + OCV_END_WIDTH));
    }

    /** FE(NH3) during discharge at {@code currentDensity} A cm⁻²: FE_max / (1 + (j/j_½)⁴), j_½ scaled by nitrate left. */
    public double ammoniaFaradaicEfficiency(double currentDensity) {
        double half = feHalfAmpsPerCm2 * catholyte.nitrateFraction();
        if (half <= 0) {
            return 0.0;
        }
        return parameters.ammoniaFeMax() / (1.0 + Math.pow(Math.abs(currentDensity) / half, FE_ROLL_OFF_EXPONENT));
    }

    /** The nitrate mass-transport limit now, A cm⁻²; falls as nitrate is used up. */
    public double nitrateLimitingCurrentDensity() {
        return nitrateLimitAmpsPerCm2 * catholyte.nitrateFraction();
    }

    /** Capacity now, C: the fresh capacity times (1 − fade) per equivalent full cycle discharged. */
    public double capacityCoulombs() {
        return freshCapacityCoulombs * Math.exp(logRetentionPerCycle * equivalentFullCycles());
    }

    /** Charge discharged so far divided by the fresh capacity. */
    public double equivalentFullCycles() {
        return charge.negativeCoulombs() / freshCapacityCoulombs;
    }

    /** Active Zn left as a fraction of the present capacity, 0 to 1. */
    public double stateOfCharge() {
        return Math.min(1.0, zincCoulombs / capacityCoulombs());
    }

    /** Total charge passed while charging (positive current), C. */
    public double chargedCoulombs() {
        return charge.positiveCoulombs();
    }

    /** Total charge passed while discharging (magnitude of negative current), C. */
    public double dischargedCoulombs() {
        return charge.negativeCoulombs();
    }

    /** NH3 made since the catholyte was fresh, mol. */
    public double ammoniaMoles() {
        return catholyte.ammoniaMoles();
    }

    /** H2 evolved in total, mol. */
    public double hydrogenMoles() {
        return hydrogenMoles;
    }

    public double areaCm2() {
        return areaCm2;
    }

    public BatteryParameters parameters() {
        return parameters;
    }

    @Override
    public double temperatureCelsius() {
        return parameters.temperatureCelsius();
    }

    @Override
    public CatholyteTruth catholyte() {
        return catholyte;
    }

    private static double currentOf(Drive drive) {
        return switch (drive.mode()) {
            case OPEN_CIRCUIT -> 0.0;
            case CURRENT -> drive.value();
            case POTENTIAL -> throw new IllegalArgumentException(
                    "a two-electrode battery has no reference electrode and cannot be held at a potential of "
                            + drive.value() + " V; drive it with a current or leave it at open circuit");
        };
    }

    private static double transportLog(double j, double limit) {
        double margin = limit > 0 ? 1.0 - j / limit : -1.0;
        return Math.log(Math.max(margin, MIN_TRANSPORT_MARGIN));
    }
}
