package org.no3rr.hal.sim.battery;

import static org.no3rr.hal.sim.ParameterTable.between;
import static org.no3rr.hal.sim.ParameterTable.positive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.no3rr.hal.sim.ParameterTable;
import org.no3rr.hal.sim.SimulatedCellSetup;
import org.no3rr.hal.sim.chem.Electrochemistry;

/**
 * Everything that makes one simulated Zn–NO3⁻ battery differ from another, in the units people
 * quote (mAh, mA cm⁻², Ω cm²). The defaults describe a single-electrolyte cell of 1 cm² with about
 * 9.5 mW cm⁻² peak power whose 5 mA cm⁻² discharge reaches 0.8 V after about an hour, and whose cathode
 * evolves hydrogen when driven past its nitrate mass-transport limit; docs/simulator.md says where each
 * number comes from.
 *
 * @param areaCm2                                electrode area
 * @param capacityMah                            active Zn inventory of the fresh cell
 * @param initialStateOfCharge                   fraction of the capacity available at the start
 * @param ocvMidVolts                            open-circuit voltage at 50 % state of charge
 * @param ocvSlopeVolts                          linear OCV rise from empty to full
 * @param ocvEndSteepnessVolts                   weight of the logarithmic OCV bend near empty and full
 * @param resistanceOhmCm2                       area-specific ohmic resistance (electrolyte, contacts)
 * @param dischargeExchangeCurrentDensityMaCm2   exchange current density of the discharge (nitrate-reduction) electrode
 * @param chargeExchangeCurrentDensityMaCm2      exchange current density of the charge (oxygen-evolution) electrode
 * @param transferCoefficient                    α of the Butler–Volmer (asinh) overpotentials
 * @param nitrateLimitingCurrentDensityMaCm2     nitrate mass-transport limit with fresh electrolyte
 * @param zincLimitingCurrentDensityMaCm2        Zn-stripping limit of a full anode; scales with state of charge
 * @param concentrationLossVolts                 B in η_conc = −B·ln(1 − j/j_lim)
 * @param nitrateMolPerL                         nitrate concentration of the fresh catholyte
 * @param catholyteVolumeMl                      catholyte volume
 * @param nitriteChargeFraction                  share of the nitrate-reduction charge that stops at NO2⁻ (the rest makes NH3)
 * @param hydrogenExchangeCurrentDensityMaCm2    exchange current density of hydrogen evolution on the cathode
 * @param hydrogenEquilibriumOffsetVolts         how far the H2 equilibrium potential lies below the cathode's
 *                                               nitrate-reduction rest potential
 * @param hydrogenTafelSlopeMvDec                Tafel slope of hydrogen evolution
 * @param zincPlatingEfficiency                  fraction of the charging charge that re-deposits Zn
 * @param capacityFadePerCycle                   capacity lost per equivalent full discharge
 * @param temperatureCelsius                     cell temperature
 */
public record BatteryParameters(
        double areaCm2,
        double capacityMah,
        double initialStateOfCharge,
        double ocvMidVolts,
        double ocvSlopeVolts,
        double ocvEndSteepnessVolts,
        double resistanceOhmCm2,
        double dischargeExchangeCurrentDensityMaCm2,
        double chargeExchangeCurrentDensityMaCm2,
        double transferCoefficient,
        double nitrateLimitingCurrentDensityMaCm2,
        double zincLimitingCurrentDensityMaCm2,
        double concentrationLossVolts,
        double nitrateMolPerL,
        double catholyteVolumeMl,
        double nitriteChargeFraction,
        double hydrogenExchangeCurrentDensityMaCm2,
        double hydrogenEquilibriumOffsetVolts,
        double hydrogenTafelSlopeMvDec,
        double zincPlatingEfficiency,
        double capacityFadePerCycle,
        double temperatureCelsius) {

    /** Key suffixes, units, ranges and meanings; the station prefixes the keys with its own namespace. */
    public static final ParameterTable<BatteryParameters> TABLE = new ParameterTable<>("battery simulation parameter",
            List.of(
                    positive("area-cm2", "cm²", "electrode area", BatteryParameters::areaCm2),
                    positive("capacity-mah", "mAh", "active Zn inventory of the fresh cell", BatteryParameters::capacityMah),
                    between("initial-state-of-charge", "1", 0, 1, "fraction of the capacity available at the start",
                            BatteryParameters::initialStateOfCharge),
                    between("ocv-mid-v", "V", 0.5, 2.5, "open-circuit voltage at 50 % state of charge",
                            BatteryParameters::ocvMidVolts),
                    between("ocv-slope-v", "V", 0, 0.5, "linear OCV rise from empty to full", BatteryParameters::ocvSlopeVolts),
                    between("ocv-end-steepness-v", "V", 0, 0.1, "weight of the OCV bend near empty and full",
                            BatteryParameters::ocvEndSteepnessVolts),
                    between("resistance-ohm-cm2", "Ω cm²", 0, 1000, "area-specific ohmic resistance",
                            BatteryParameters::resistanceOhmCm2),
                    positive("discharge-exchange-current-density-ma-cm2", "mA cm⁻²",
                            "exchange current density of the nitrate-reduction (discharge) electrode",
                            BatteryParameters::dischargeExchangeCurrentDensityMaCm2),
                    positive("charge-exchange-current-density-ma-cm2", "mA cm⁻²",
                            "exchange current density of the oxygen-evolution (charge) electrode",
                            BatteryParameters::chargeExchangeCurrentDensityMaCm2),
                    new ParameterTable.Entry<>("transfer-coefficient", "1", 0, true, 1,
                            "α of the asinh (Butler–Volmer) overpotentials", BatteryParameters::transferCoefficient),
                    positive("nitrate-limiting-current-density-ma-cm2", "mA cm⁻²",
                            "nitrate mass-transport limit with fresh electrolyte",
                            BatteryParameters::nitrateLimitingCurrentDensityMaCm2),
                    positive("zinc-limiting-current-density-ma-cm2", "mA cm⁻²",
                            "Zn-stripping limit of a full anode, proportional to state of charge",
                            BatteryParameters::zincLimitingCurrentDensityMaCm2),
                    between("concentration-loss-v", "V", 0, 0.5, "B in η_conc = −B·ln(1 − j/j_lim)",
                            BatteryParameters::concentrationLossVolts),
                    between("nitrate-concentration-mol-l", "mol L⁻¹", 0, 10, "nitrate in the fresh catholyte",
                            BatteryParameters::nitrateMolPerL),
                    positive("catholyte-volume-ml", "mL", "catholyte volume", BatteryParameters::catholyteVolumeMl),
                    between("nitrite-charge-fraction", "1", 0, 1,
                            "share of the nitrate-reduction charge that stops at NO2⁻ (the rest makes NH3)",
                            BatteryParameters::nitriteChargeFraction),
                    positive("hydrogen-exchange-current-density-ma-cm2", "mA cm⁻²",
                            "exchange current density of hydrogen evolution on the cathode",
                            BatteryParameters::hydrogenExchangeCurrentDensityMaCm2),
                    between("hydrogen-equilibrium-offset-v", "V", 0, 2,
                            "H2 equilibrium potential below the cathode's nitrate-reduction rest potential",
                            BatteryParameters::hydrogenEquilibriumOffsetVolts),
                    positive("hydrogen-tafel-slope-mv-dec", "mV dec⁻¹", "Tafel slope of hydrogen evolution",
                            BatteryParameters::hydrogenTafelSlopeMvDec),
                    between("zinc-plating-efficiency", "1", 0, 1, "fraction of the charging charge that re-deposits Zn",
                            BatteryParameters::zincPlatingEfficiency),
                    between("capacity-fade-per-cycle", "1", 0, 0.5, "capacity lost per equivalent full discharge",
                            BatteryParameters::capacityFadePerCycle),
                    between("temperature-c", "°C", -20, 80, "cell temperature", BatteryParameters::temperatureCelsius)),
            v -> new BatteryParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                    v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21]));

    public static BatteryParameters defaults() {
        return new BatteryParameters(
                1.0,     // area-cm2
                5.0,     // capacity-mah: 5 mA cm⁻² for ~1 h
                1.0,     // initial-state-of-charge
                1.48,    // ocv-mid-v: single-electrolyte Zn–NO3⁻ cells rest at 1.4–1.6 V
                0.06,    // ocv-slope-v
                0.015,   // ocv-end-steepness-v
                30.0,    // resistance-ohm-cm2
                0.05,    // discharge-exchange-current-density-ma-cm2
                5.0e-4,  // charge-exchange-current-density-ma-cm2: OER, puts charging at 2.1–2.2 V at 5 mA cm⁻²
                0.5,     // transfer-coefficient: 118 mV per decade
                12.0,    // nitrate-limiting-current-density-ma-cm2: peak power near 11 mA cm⁻²
                200.0,   // zinc-limiting-current-density-ma-cm2: ~97 % of capacity usable at 5 mA cm⁻²
                0.05,    // concentration-loss-v
                1.0,     // nitrate-concentration-mol-l: long cycling limited by Zn, not nitrate
                40.0,    // catholyte-volume-ml: one compartment of the seeds' cells
                0.05,    // nitrite-charge-fraction: FE(NH3) 0.94–0.95 below 5 mA cm⁻², within the literature's 85–95 %
                0.008,   // hydrogen-exchange-current-density-ma-cm2: the H-cell catalyst's HER
                0.2,     // hydrogen-equilibrium-offset-v: 0 V vs RHE, with the rest potential at ≈ +0.2 V vs RHE
                120.0,   // hydrogen-tafel-slope-mv-dec: Volmer-limited HER in neutral/alkaline media
                0.998,   // zinc-plating-efficiency
                5.0e-4,  // capacity-fade-per-cycle: 0.05 % per equivalent full cycle
                25.0);   // temperature-c
    }

    /** A copy with the named parameters (key suffixes of {@link #TABLE}) set from configuration strings. */
    public BatteryParameters withOverrides(Map<String, String> overrides) {
        return TABLE.withOverrides(this, overrides);
    }

    /**
     * This battery as a run declares it: its electrode area, catholyte volume and capacity;
     * undeclared values stay as configured. The capacity is the declared nominal capacity (else the
     * configured one), but never more than the declared Zn can hold at 2F/M(Zn) = 819.87 mAh g⁻¹. The
     * area-specific parameters (Ω cm², mA cm⁻²) stay, so currents scale with the area.
     */
    public BatteryParameters forCell(SimulatedCellSetup cell) {
        double capacity = SimulatedCellSetup.orElse(cell.nominalCapacityMah(), capacityMah);
        if (SimulatedCellSetup.declared(cell.znMassG())) {
            capacity = Math.min(capacity, cell.znMassG() * Electrochemistry.ZINC_CAPACITY_MAH_PER_G);
        }
        Map<String, Double> changes = new LinkedHashMap<>();
        changes.put("area-cm2", SimulatedCellSetup.orElse(cell.areaCm2(), areaCm2));
        changes.put("capacity-mah", capacity);
        changes.put("catholyte-volume-ml", SimulatedCellSetup.orElse(cell.catholyteVolumeMl(), catholyteVolumeMl));
        return TABLE.withValues(this, changes);
    }
}
