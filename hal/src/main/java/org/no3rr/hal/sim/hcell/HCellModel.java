package org.no3rr.hal.sim.hcell;

import static org.no3rr.hal.sim.chem.Electrochemistry.ELECTRONS_AMMONIA;
import static org.no3rr.hal.sim.chem.Electrochemistry.ELECTRONS_HYDROGEN;
import static org.no3rr.hal.sim.chem.Electrochemistry.ELECTRONS_NITRITE;
import static org.no3rr.hal.sim.chem.Electrochemistry.RHE_SLOPE_VOLTS_PER_PH;
import static org.no3rr.hal.sim.chem.Electrochemistry.asinh;
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

/**
 * A three-electrode H-type electrolysis cell: catalyst working electrode, Ag/AgCl reference, Pt counter.
 *
 * <p>The working electrode follows {@link ElectrodeKinetics}. A potentiostatic drive is a potential
 * vs the reference as the potentiostat sees it, which includes the uncompensated drop I·R_u; the
 * surface potential that drives the chemistry is solved for. A galvanostatic drive is solved for
 * the surface potential the same way. Products go into the catholyte (NH3, NO2⁻) or leave as gas
 * (H2). The catalyst loses a little activity per hour under current and keeps that loss when the
 * electrolyte is refreshed, as the seeds' recycling tests show a small, steady decline.
 */
public final class HCellModel implements CellModel {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private static final String[] STATE = {"anodic-coulombs", "cathodic-coulombs", "nitrate-mol", "ammonia-mol",
            "nitrite-mol", "hydrogen-mol", "hours-under-current"};

    private final HCellParameters parameters;
    private final ElectrodeKinetics kinetics;
    private final Catholyte catholyte;
    private final ChargeTally charge = new ChargeTally();
    private final double areaCm2;
    private final double rheMinusReference;
    private final double logRetentionPerHour;
    private final double counterVoltsPerNeper;
    private final double counterExchangeAmps;
    private double hoursUnderCurrent;
    private double hydrogenMoles;

    public HCellModel(HCellParameters parameters) {
        this.parameters = HCellParameters.TABLE.validate(parameters);
        this.kinetics = new ElectrodeKinetics(parameters);
        this.catholyte = new Catholyte(parameters.catholyteVolumeMl() * 1e-3, parameters.nitrateMolPerL());
        this.areaCm2 = parameters.electrodeAreaCm2();
        this.rheMinusReference = parameters.referenceOffsetVolts() + RHE_SLOPE_VOLTS_PER_PH * parameters.ph();
        this.logRetentionPerHour = Math.log1p(-parameters.activityLossPerHour());
        this.counterVoltsPerNeper = parameters.counterTafelSlopeMvDec() * 1e-3 / Math.log(10.0);
        this.counterExchangeAmps = parameters.counterExchangeCurrentMa() * 1e-3;
    }

    @Override
    public CellKind kind() {
        return CellKind.H_CELL_ELECTROLYSIS;
    }

    @Override
    public CellResponse respond(Drive drive) {
        double surface = surfacePotential(drive);
        double amps = currentAt(surface, drive);
        double measuredRhe = surface + amps * parameters.uncompensatedResistanceOhm();
        double cellVoltage = surface - counterPotential(amps) + amps * parameters.cellResistanceOhm();
        return new CellResponse(cellVoltage, amps, toReference(measuredRhe));
    }

    @Override
    public void integrate(double seconds, Drive drive) {
        if (drive.mode() == Drive.Mode.OPEN_CIRCUIT) {
            return;
        }
        double surface = surfacePotential(drive);
        double amps = currentAt(surface, drive);
        charge.add(amps, seconds);
        double nitrateCoulombs = kinetics.nitrateReduction(surface, catholyte.nitrateFraction(), activity())
                * areaCm2 * seconds;
        double hydrogenCoulombs = kinetics.hydrogenEvolution(surface) * areaCm2 * seconds;
        double nitriteShare = parameters.nitriteChargeFraction();
        double done = catholyte.reduceNitrate(
                molesFromCharge((1.0 - nitriteShare) * nitrateCoulombs, ELECTRONS_AMMONIA),
                molesFromCharge(nitriteShare * nitrateCoulombs, ELECTRONS_NITRITE));
        hydrogenMoles += molesFromCharge(hydrogenCoulombs + (1.0 - done) * nitrateCoulombs, ELECTRONS_HYDROGEN);
        if (amps != 0) {
            hoursUnderCurrent += seconds / SECONDS_PER_HOUR;
        }
    }

    @Override
    public Map<String, Double> state() {
        return CellStateValues.of(STATE, charge.positiveCoulombs(), charge.negativeCoulombs(),
                catholyte.nitrateMoles(), catholyte.ammoniaMoles(), catholyte.nitriteMoles(), hydrogenMoles,
                hoursUnderCurrent);
    }

    @Override
    public void restoreState(Map<String, Double> state) {
        double[] v = CellStateValues.read(state, "H-cell", STATE);
        catholyte.restore(v[2], v[3], v[4]);
        charge.restore(v[0], v[1]);
        hydrogenMoles = v[5];
        hoursUnderCurrent = v[6];
    }

    /**
     * Steady-state FE(NH3) if the working electrode were held at {@code voltsVsReference} now:
     * NH3 partial current over total current. Does not change the state.
     */
    public double ammoniaFaradaicEfficiencyAt(double voltsVsReference) {
        Drive hold = Drive.potential(voltsVsReference);
        double surface = surfacePotential(hold);
        double amps = currentAt(surface, hold);
        double ammoniaAmps = (1.0 - parameters.nitriteChargeFraction()) * areaCm2
                * kinetics.nitrateReduction(surface, catholyte.nitrateFraction(), activity());
        return ammoniaAmps / -amps;
    }

    /** Fresh catholyte: nitrate back to its initial concentration, no NH3 or NO2⁻; the catalyst keeps its wear. */
    public void refreshElectrolyte() {
        catholyte.refresh();
    }

    /** E vs RHE = E vs reference + offset + 0.0592·pH. */
    public double toRhe(double voltsVsReference) {
        return voltsVsReference + rheMinusReference;
    }

    public double toReference(double voltsVsRhe) {
        return voltsVsRhe - rheMinusReference;
    }

    /** Nitrate-reduction activity left, 1 when fresh: (1 − loss per hour)^(hours under current). */
    public double activity() {
        return Math.exp(logRetentionPerHour * hoursUnderCurrent);
    }

    public double hoursUnderCurrent() {
        return hoursUnderCurrent;
    }

    /** Magnitude of all cathodic charge passed, C. */
    public double cathodicCoulombs() {
        return charge.negativeCoulombs();
    }

    /** All anodic charge passed, C. */
    public double anodicCoulombs() {
        return charge.positiveCoulombs();
    }

    /** NH3 in the catholyte now (since the last refresh), mol. */
    public double ammoniaMoles() {
        return catholyte.ammoniaMoles();
    }

    /** H2 evolved in total (it leaves with the gas), mol. */
    public double hydrogenMoles() {
        return hydrogenMoles;
    }

    public HCellParameters parameters() {
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

    private double surfacePotential(Drive drive) {
        double nitrate = catholyte.nitrateFraction();
        double activity = activity();
        return switch (drive.mode()) {
            case OPEN_CIRCUIT -> kinetics.potentialFor(0.0, nitrate, activity);
            case CURRENT -> kinetics.potentialFor(drive.value() / areaCm2, nitrate, activity);
            case POTENTIAL -> kinetics.surfacePotentialBehind(toRhe(drive.value()),
                    parameters.uncompensatedResistanceOhm() * areaCm2, nitrate, activity);
        };
    }

    private double currentAt(double surface, Drive drive) {
        return switch (drive.mode()) {
            case OPEN_CIRCUIT -> 0.0;
            case CURRENT -> drive.value();
            case POTENTIAL -> kinetics.net(surface, catholyte.nitrateFraction(), activity()) * areaCm2;
        };
    }

    /** Pt counter vs RHE: rises (oxygen evolution) when the WE is cathodic, falls when it is anodic. */
    private double counterPotential(double amps) {
        return parameters.counterRestPotentialVoltsRhe() - counterVoltsPerNeper * asinh(amps / (2 * counterExchangeAmps));
    }
}
