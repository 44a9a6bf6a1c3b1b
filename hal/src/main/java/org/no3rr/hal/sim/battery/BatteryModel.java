package org.no3rr.hal.sim.battery;

import static org.no3rr.hal.sim.chem.Electrochemistry.ELECTRONS_AMMONIA;
import static org.no3rr.hal.sim.chem.Electrochemistry.asinh;
import static org.no3rr.hal.sim.chem.Electrochemistry.ELECTRONS_HYDROGEN;
import static org.no3rr.hal.sim.chem.Electrochemistry.ELECTRONS_NITRITE;
import static org.no3rr.hal.sim.chem.Electrochemistry.molesFromCharge;

import java.util.Map;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.sim.CellModel;
import org.no3rr.hal.sim.CellResponse;
import org.no3rr.hal.sim.CellStateValues;
import org.no3rr.hal.sim.Drive;
import org.no3rr.hal.sim.chem.Catholyte;
import org.no3rr.hal.sim.chem.CatholyteTruth;
import org.no3rr.hal.sim.chem.ChargeTally;
import org.no3rr.hal.sim.chem.Electrochemistry;

/**
 * A two-electrode Zn–NO3⁻ battery: Zn anode, nitrate-reducing cathode, one electrolyte.
 *
 * <p>Discharge (negative current) strips Zn while the cathode current is shared between nitrate
 * reduction (to NH3 and a little NO2⁻; kinetic and mass-transport losses) and hydrogen evolution
 * (Tafel, from an equilibrium potential below the nitrate one; see {@link BatteryCathode}); the
 * terminal voltage is OCV(SOC) − I·R − η_cathode − η_Zn. Below the nitrate limit nitrate carries
 * nearly everything; beyond it hydrogen takes the surplus, so the cell keeps a low positive voltage
 * the way a real cell does instead of reversing. Charge (positive current) re-plates Zn
 * while the cathode evolves oxygen, so the charging voltage sits well above the OCV and nitrate is
 * not restored. The state of charge is the active Zn left over the (slowly fading) capacity; as it
 * nears zero the Zn-stripping limit collapses the voltage, which is what ends a discharge at a cut-off;
 * that anode term is floored, so an exhausted cell reverses to a finite negative voltage instead of
 * producing infinities. Equations and sources: docs/simulator.md.
 */
public final class BatteryModel implements CellModel {

    /** Width of the OCV bend at the ends, as a fraction of SOC; keeps OCV finite at 0 % and 100 %. */
    private static final double OCV_END_WIDTH = 0.01;

    /** Smallest argument of ln(1 − j/j_lim,Zn): −ln of it bounds a collapsed voltage at about 27.6·B. */
    private static final double MIN_TRANSPORT_MARGIN = 1e-12;

    /** Below this margin to the Zn-stripping limit the voltage falls linearly in the margin (see transportLog). */
    private static final double TANGENT_MARGIN = 0.01;

    private static final double MAH = 3.6;

    private static final String[] STATE = {"zinc-coulombs", "charged-coulombs", "discharged-coulombs", "nitrate-mol",
            "ammonia-mol", "nitrite-mol", "hydrogen-mol"};

    private final BatteryParameters parameters;
    private final double areaCm2;
    private final double freshCapacityCoulombs;
    private final double resistanceOhms;
    private final double kineticVolts;
    private final double chargeExchangeAmpsPerCm2;
    private final double nitrateLimitAmpsPerCm2;
    private final double zincLimitAmpsPerCm2;
    private final BatteryCathode cathode;
    private final double logRetentionPerCycle;
    private final Catholyte catholyte;
    private final ChargeTally charge = new ChargeTally();
    private double zincCoulombs;
    private double hydrogenMoles;

    public BatteryModel(BatteryParameters parameters) {
        this.parameters = BatteryParameters.TABLE.validate(parameters);
        this.areaCm2 = parameters.areaCm2();
        this.freshCapacityCoulombs = parameters.capacityMah() * MAH;
        this.resistanceOhms = parameters.resistanceOhmCm2() / areaCm2;
        this.kineticVolts = Electrochemistry.thermalVoltage(parameters.temperatureCelsius())
                / parameters.transferCoefficient();
        this.chargeExchangeAmpsPerCm2 = parameters.chargeExchangeCurrentDensityMaCm2() * 1e-3;
        this.nitrateLimitAmpsPerCm2 = parameters.nitrateLimitingCurrentDensityMaCm2() * 1e-3;
        this.zincLimitAmpsPerCm2 = parameters.zincLimitingCurrentDensityMaCm2() * 1e-3;
        this.cathode = new BatteryCathode(kineticVolts, parameters.dischargeExchangeCurrentDensityMaCm2() * 1e-3,
                parameters.concentrationLossVolts(), parameters.hydrogenExchangeCurrentDensityMaCm2() * 1e-3,
                parameters.hydrogenEquilibriumOffsetVolts(), parameters.hydrogenTafelSlopeMvDec() * 1e-3);
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

    @Override
    public Map<String, Double> state() {
        return CellStateValues.of(STATE, zincCoulombs, charge.positiveCoulombs(), charge.negativeCoulombs(),
                catholyte.nitrateMoles(), catholyte.ammoniaMoles(), catholyte.nitriteMoles(), hydrogenMoles);
    }

    @Override
    public void restoreState(Map<String, Double> state) {
        double[] v = CellStateValues.read(state, "battery", STATE);
        double capacity = capacityAfterDischarging(v[2]);
        if (v[0] > capacity * (1 + 1e-9)) {
            throw new IllegalArgumentException("battery state zinc-coulombs = " + v[0] + " exceeds the capacity of "
                    + capacity + " C; the state belongs to another cell");
        }
        catholyte.restore(v[3], v[4], v[5]);
        charge.restore(v[1], v[2]);
        zincCoulombs = v[0];
        hydrogenMoles = v[6];
    }

    /**
     * Products of one step, split as the cathode splits the current at the step's start: the nitrate
     * share makes NH3 and NO2⁻, the hydrogen share and any nitrate the catholyte no longer holds make H2.
     */
    private void discharge(double coulombs, double currentDensity) {
        zincCoulombs = Math.max(0.0, zincCoulombs - coulombs);
        zincCoulombs = Math.min(zincCoulombs, capacityCoulombs());
        double nitrateCoulombs = nitrateReductionShare(currentDensity) * coulombs;
        double nitriteShare = parameters.nitriteChargeFraction();
        double done = catholyte.reduceNitrate(
                molesFromCharge((1.0 - nitriteShare) * nitrateCoulombs, ELECTRONS_AMMONIA),
                molesFromCharge(nitriteShare * nitrateCoulombs, ELECTRONS_NITRITE));
        hydrogenMoles += molesFromCharge(coulombs - done * nitrateCoulombs, ELECTRONS_HYDROGEN);
    }

    /**
     * Terminal voltage at {@code amps} in the present state.
     * Discharge: OCV − I·R − η_cathode(j) + B·ln(1 − j/j_lim,Zn), with η_cathode the overpotential at
     * which nitrate reduction and hydrogen evolution together carry j ({@link BatteryCathode});
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
            return ocv + amps * resistanceOhms - cathodeOverpotential(j)
                    + parameters.concentrationLossVolts() * transportLog(j, zincLimitAmpsPerCm2 * stateOfCharge());
        }
        return ocv;
    }

    /** OCV(s) = E_mid + slope·(s − ½) + steepness·ln((s + w)/(1 − s + w)), w = 0.01. */
    public double openCircuitVoltage() {
        double s = stateOfCharge();
        return parameters.ocvMidVolts() + parameters.ocvSlopeVolts() * (s - 0.5)
                + parameters.ocvEndSteepnessVolts() * Math.log((s + OCV_END_WIDTH) / (1.0 - s + OCV_END_WIDTH));
    }

    /**
     * Cathodic overpotential, V, at which the cathode carries a discharge of {@code currentDensity}
     * A cm⁻² now: nitrate reduction and hydrogen evolution at one potential, their currents adding up.
     */
    public double cathodeOverpotential(double currentDensity) {
        return cathode.overpotential(Math.abs(currentDensity), nitrateLimitingCurrentDensity());
    }

    /**
     * Fraction of a discharge current density {@code currentDensity} A cm⁻² carried by nitrate
     * reduction now, j_NO3RR / j; the rest is hydrogen evolution. 1 at zero current.
     */
    public double nitrateReductionShare(double currentDensity) {
        double j = Math.abs(currentDensity);
        return j == 0 ? 1.0 : cathode.nitrateShare(j, nitrateLimitingCurrentDensity());
    }

    /**
     * FE(NH3) during discharge at {@code currentDensity} A cm⁻² now: the NH3 part (1 − nitrite
     * fraction) of the nitrate-reduction share, so it falls as hydrogen evolution takes current.
     */
    public double ammoniaFaradaicEfficiency(double currentDensity) {
        return (1.0 - parameters.nitriteChargeFraction()) * nitrateReductionShare(currentDensity);
    }

    /** FE(H2) during discharge at {@code currentDensity} A cm⁻² now: the hydrogen-evolution share. */
    public double hydrogenFaradaicEfficiency(double currentDensity) {
        return 1.0 - nitrateReductionShare(currentDensity);
    }

    /** The nitrate mass-transport limit now, A cm⁻²; falls as nitrate is used up. */
    public double nitrateLimitingCurrentDensity() {
        return nitrateLimitAmpsPerCm2 * catholyte.nitrateFraction();
    }

    /** Capacity now, C: the fresh capacity times (1 − fade) per equivalent full cycle discharged. */
    public double capacityCoulombs() {
        return capacityAfterDischarging(charge.negativeCoulombs());
    }

    private double capacityAfterDischarging(double dischargedCoulombs) {
        return freshCapacityCoulombs * Math.exp(logRetentionPerCycle * dischargedCoulombs / freshCapacityCoulombs);
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

    /**
     * ln(1 − j/j_lim), continued below a margin of {@value #TANGENT_MARGIN} along its tangent there and
     * floored at ln({@value #MIN_TRANSPORT_MARGIN}). A current source drives its current past the
     * stripping limit all the same (the anode then oxidises something else), so the voltage keeps
     * falling at a finite rate as the Zn runs out: with the margin falling at j_lim·A/Q per second,
     * whatever the current, a 5 mAh cell's last 0.8 V take about 15 s, which a reading every second
     * sees, instead of a jump of a volt between two readings that no cut-off could catch.
     */
    private static double transportLog(double j, double limit) {
        double margin = limit > 0 ? 1.0 - j / limit : -1.0;
        double log = margin >= TANGENT_MARGIN ? Math.log(margin)
                : Math.log(TANGENT_MARGIN) + (margin - TANGENT_MARGIN) / TANGENT_MARGIN;
        return Math.max(log, Math.log(MIN_TRANSPORT_MARGIN));
    }
}
