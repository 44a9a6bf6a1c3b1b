package org.no3rr.hal.sim.hcell;

import static org.no3rr.hal.sim.ParameterTable.between;
import static org.no3rr.hal.sim.ParameterTable.positive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.no3rr.hal.sim.ParameterTable;
import org.no3rr.hal.sim.SimulatedCellSetup;

/**
 * Everything that makes one simulated H-cell electrolysis differ from another. The defaults follow
 * seed 000 (RuFe-NC, 0.5 M K2SO4 + 0.1 M KNO3, 40 mL, Ag/AgCl sat. KCl, 2 mg on 1 cm²): onset
 * +0.05 V vs RHE, FE(NH3) ≈ 98 % and ≈ 3.1 mg h⁻¹ mg_cat⁻¹ at −0.1 V vs RHE, HER taking over below
 * −0.4 V vs RHE. Potentials of the kinetics are on the RHE scale of the electrode surface;
 * docs/simulator.md derives each number.
 *
 * @param electrodeAreaCm2                      geometric area of the working electrode
 * @param catalystMassMg                        catalyst on the working electrode (for yields per mg)
 * @param catholyteVolumeMl                     catholyte volume
 * @param nitrateMolPerL                        nitrate in the fresh catholyte
 * @param ph                                    catholyte pH, for the RHE conversion
 * @param referenceOffsetVolts                  reference electrode vs SHE (Ag/AgCl sat. KCl: 0.197 V)
 * @param uncompensatedResistanceOhm            R_u between WE and the reference tip, after any compensation
 * @param cellResistanceOhm                     whole WE-to-counter resistance (solution and membrane)
 * @param nitrateOnsetPotentialVoltsRhe         potential at which nitrate reduction reaches the onset current density
 * @param nitrateOnsetCurrentDensityMaCm2       |j| that defines the onset
 * @param nitrateTafelSlopeMvDec                Tafel slope of nitrate reduction
 * @param nitrateLimitingCurrentDensityMaCm2    nitrate mass-transport limit with fresh catholyte and stirring
 * @param nitriteChargeFraction                 fraction of the nitrate-reduction charge that stops at NO2⁻
 * @param hydrogenExchangeCurrentDensityMaCm2   HER exchange current density at 0 V vs RHE
 * @param hydrogenTafelSlopeMvDec               HER Tafel slope
 * @param restPotentialVoltsRhe                 open-circuit potential of the fresh working electrode
 * @param anodicTafelSlopeMvDec                 Tafel slope of the small anodic (oxidation) branch that sets the rest potential
 * @param counterRestPotentialVoltsRhe          rest potential of the Pt counter electrode
 * @param counterTafelSlopeMvDec                Tafel slope of the counter electrode
 * @param counterExchangeCurrentMa              exchange current of the counter electrode
 * @param activityLossPerHour                   fraction of nitrate-reduction activity lost per hour under current
 * @param temperatureCelsius                    cell temperature
 */
public record HCellParameters(
        double electrodeAreaCm2,
        double catalystMassMg,
        double catholyteVolumeMl,
        double nitrateMolPerL,
        double ph,
        double referenceOffsetVolts,
        double uncompensatedResistanceOhm,
        double cellResistanceOhm,
        double nitrateOnsetPotentialVoltsRhe,
        double nitrateOnsetCurrentDensityMaCm2,
        double nitrateTafelSlopeMvDec,
        double nitrateLimitingCurrentDensityMaCm2,
        double nitriteChargeFraction,
        double hydrogenExchangeCurrentDensityMaCm2,
        double hydrogenTafelSlopeMvDec,
        double restPotentialVoltsRhe,
        double anodicTafelSlopeMvDec,
        double counterRestPotentialVoltsRhe,
        double counterTafelSlopeMvDec,
        double counterExchangeCurrentMa,
        double activityLossPerHour,
        double temperatureCelsius) {

    /** Key suffixes, units, ranges and meanings; the station prefixes the keys with its own namespace. */
    public static final ParameterTable<HCellParameters> TABLE = new ParameterTable<>("H-cell simulation parameter",
            List.of(
                    positive("electrode-area-cm2", "cm²", "geometric area of the working electrode",
                            HCellParameters::electrodeAreaCm2),
                    positive("catalyst-mass-mg", "mg", "catalyst on the working electrode", HCellParameters::catalystMassMg),
                    positive("catholyte-volume-ml", "mL", "catholyte volume", HCellParameters::catholyteVolumeMl),
                    between("nitrate-concentration-mol-l", "mol L⁻¹", 0, 10, "nitrate in the fresh catholyte",
                            HCellParameters::nitrateMolPerL),
                    between("ph", "1", -1, 15, "catholyte pH", HCellParameters::ph),
                    between("reference-offset-v", "V", -2, 2, "reference electrode vs SHE",
                            HCellParameters::referenceOffsetVolts),
                    between("uncompensated-resistance-ohm", "Ω", 0, 1000, "R_u between WE and reference tip",
                            HCellParameters::uncompensatedResistanceOhm),
                    between("cell-resistance-ohm", "Ω", 0, 10000, "WE-to-counter resistance",
                            HCellParameters::cellResistanceOhm),
                    between("nitrate-onset-potential-v-rhe", "V vs RHE", -1.5, 1, "nitrate-reduction onset",
                            HCellParameters::nitrateOnsetPotentialVoltsRhe),
                    positive("nitrate-onset-current-density-ma-cm2", "mA cm⁻²", "|j| that defines the onset",
                            HCellParameters::nitrateOnsetCurrentDensityMaCm2),
                    between("nitrate-tafel-slope-mv-dec", "mV dec⁻¹", 20, 400, "Tafel slope of nitrate reduction",
                            HCellParameters::nitrateTafelSlopeMvDec),
                    positive("nitrate-limiting-current-density-ma-cm2", "mA cm⁻²",
                            "nitrate mass-transport limit, fresh catholyte, stirred",
                            HCellParameters::nitrateLimitingCurrentDensityMaCm2),
                    between("nitrite-charge-fraction", "1", 0, 1, "share of nitrate-reduction charge that stops at NO2⁻",
                            HCellParameters::nitriteChargeFraction),
                    positive("hydrogen-exchange-current-density-ma-cm2", "mA cm⁻²", "HER exchange current density",
                            HCellParameters::hydrogenExchangeCurrentDensityMaCm2),
                    between("hydrogen-tafel-slope-mv-dec", "mV dec⁻¹", 20, 400, "HER Tafel slope",
                            HCellParameters::hydrogenTafelSlopeMvDec),
                    between("rest-potential-v-rhe", "V vs RHE", -0.5, 1.5, "open-circuit potential of the fresh WE",
                            HCellParameters::restPotentialVoltsRhe),
                    between("anodic-tafel-slope-mv-dec", "mV dec⁻¹", 20, 400, "Tafel slope of the anodic branch",
                            HCellParameters::anodicTafelSlopeMvDec),
                    between("counter-rest-potential-v-rhe", "V vs RHE", -0.5, 2, "rest potential of the counter electrode",
                            HCellParameters::counterRestPotentialVoltsRhe),
                    between("counter-tafel-slope-mv-dec", "mV dec⁻¹", 20, 400, "Tafel slope of the counter electrode",
                            HCellParameters::counterTafelSlopeMvDec),
                    positive("counter-exchange-current-ma", "mA", "exchange current of the counter electrode",
                            HCellParameters::counterExchangeCurrentMa),
                    between("activity-loss-per-hour", "1", 0, 0.5, "activity lost per hour under current",
                            HCellParameters::activityLossPerHour),
                    between("temperature-c", "°C", -20, 80, "cell temperature", HCellParameters::temperatureCelsius)),
            v -> new HCellParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                    v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21]));

    /**
     * Seed-000 defaults. The current they imply is large: 3.08 mg h⁻¹ mg_cat⁻¹ × 2 mg = 6.16 mg h⁻¹
     * NH3 = 0.362 mmol h⁻¹ = 1.005e-7 mol s⁻¹; at FE 100 % that needs 8·F·1.005e-7 = 77.6 mA on
     * 1 cm². The kinetics below give −78.6 mA cm⁻² at −0.1 V vs RHE (FE 98.5 %, 3.07 mg h⁻¹ mg_cat⁻¹).
     */
    public static HCellParameters defaults() {
        return new HCellParameters(
                1.0,     // electrode-area-cm2: 1 cm² carbon paper
                2.0,     // catalyst-mass-mg: 4 mg of ink on two sheets
                40.0,    // catholyte-volume-ml
                0.1,     // nitrate-concentration-mol-l: 0.1 M KNO3
                7.0,     // ph: 0.5 M K2SO4 is neutral
                0.197,   // reference-offset-v: Ag/AgCl, saturated KCl
                0.3,     // uncompensated-resistance-ohm: ~3 Ω with 90 % compensation
                12.0,    // cell-resistance-ohm: Nafion 117 H-cell in 0.5 M K2SO4
                0.05,    // nitrate-onset-potential-v-rhe: Table S6, RuFe-NC
                1.0,     // nitrate-onset-current-density-ma-cm2
                55.0,    // nitrate-tafel-slope-mv-dec
                130.0,   // nitrate-limiting-current-density-ma-cm2: 0.1 M nitrate, 400 rpm
                0.015,   // nitrite-charge-fraction
                0.008,   // hydrogen-exchange-current-density-ma-cm2
                120.0,   // hydrogen-tafel-slope-mv-dec
                0.6,     // rest-potential-v-rhe
                120.0,   // anodic-tafel-slope-mv-dec
                0.9,     // counter-rest-potential-v-rhe: Pt
                120.0,   // counter-tafel-slope-mv-dec
                1.0e-4,  // counter-exchange-current-ma
                0.005,   // activity-loss-per-hour: "nearly unchanged over 10+ recycling cycles"
                25.0);   // temperature-c
    }

    /** A copy with the named parameters (key suffixes of {@link #TABLE}) set from configuration strings. */
    public HCellParameters withOverrides(Map<String, String> overrides) {
        return TABLE.withOverrides(this, overrides);
    }

    /**
     * This cell as a run declares it: its electrode area, catalyst mass, catholyte volume, pH and
     * reference electrode; undeclared values stay as configured. The kinetics stay on the RHE scale,
     * so the reference electrode sits wherever the declared pH puts it and a hold at a potential vs
     * RHE passes the same current density at any pH. The resistances keep their area-specific
     * values (Ω cm²), so a larger electrode has a proportionally smaller iR drop at the same current
     * density. The catalyst keeps its activity per mg: a
     * different loading (mg cm⁻²) than configured moves the nitrate onset by
     * b_N·log₁₀(loading / configured loading); without a declared mass the loading stays as configured.
     */
    public HCellParameters forCell(SimulatedCellSetup cell) {
        Map<String, Double> changes = new LinkedHashMap<>();
        double area = SimulatedCellSetup.orElse(cell.areaCm2(), electrodeAreaCm2);
        changes.put("electrode-area-cm2", area);
        if (area != electrodeAreaCm2) {
            changes.put("uncompensated-resistance-ohm", uncompensatedResistanceOhm * electrodeAreaCm2 / area);
            changes.put("cell-resistance-ohm", cellResistanceOhm * electrodeAreaCm2 / area);
        }
        if (SimulatedCellSetup.declared(cell.catalystMassMg())) {
            double loadingRatio = (cell.catalystMassMg() / area) / (catalystMassMg / electrodeAreaCm2);
            changes.put("catalyst-mass-mg", cell.catalystMassMg());
            changes.put("nitrate-onset-potential-v-rhe",
                    nitrateOnsetPotentialVoltsRhe + nitrateTafelSlopeMvDec * 1e-3 * Math.log10(loadingRatio));
        } else if (area != electrodeAreaCm2) {
            changes.put("catalyst-mass-mg", catalystMassMg / electrodeAreaCm2 * area);
        }
        changes.put("catholyte-volume-ml", SimulatedCellSetup.orElse(cell.catholyteVolumeMl(), catholyteVolumeMl));
        changes.put("ph", SimulatedCellSetup.orElse(cell.ph(), ph));
        changes.put("reference-offset-v", SimulatedCellSetup.orElse(cell.referenceOffsetVolts(), referenceOffsetVolts));
        return TABLE.withValues(this, changes);
    }
}
