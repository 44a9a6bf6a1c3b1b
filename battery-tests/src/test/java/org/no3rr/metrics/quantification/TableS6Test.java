package org.no3rr.metrics.quantification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.TestSteps;
import org.no3rr.metrics.electrolysis.HoldSummary;
import org.no3rr.protocol.StepKind;

/**
 * Seed 000, Table S6, RuFe-NC in 0.5 M K2SO4 + 0.1 M KNO3 at −0.1 V vs RHE: FE(NH3) 100 %,
 * NH3 yield 3.08 mg h⁻¹ mg_cat⁻¹. Conditions from the seed's methods: 1 h chronoamperometry (S7),
 * 40 mL catholyte (S7), 4 mg catalyst on two 1 cm² carbon papers → 2 mg on 1 cm² (S3), indophenol
 * blue with 0.05 mL catholyte made up to 5 mL → dilution 100 (S4).
 *
 * <p>Working back from the table: NH3 formed = 3.08 mg h⁻¹ mg⁻¹ · 1 h · 2 mg = 6.16 mg
 * = 6.16e-3 / 17.031 = 3.616933827e-4 mol; in 0.040 L that is 9.042334566e-3 mol L⁻¹ in the cell
 * and 9.042334566e-5 mol L⁻¹ (0.0904 mM, inside the 0–0.10 mM standards) in the cuvette, which on
 * the seed calibration (A = 8000·c + 0.040) reads A = 0.763386765310. FE 100 % needs
 * Q = 8 · 96485.332 · 3.616933827e-4 = 279.1848489 C in 3600 s: a constant −77.5513469060 mA
 * (−77.55 mA cm⁻²).
 */
class TableS6Test {

    private static final CellMetadata RU_FE_NC = new CellMetadata(1.0, 2.0, Double.NaN, 40.0, 7.0,
            "Ag/AgCl (sat. KCl)", 0.197, 0.0);

    private static HoldSummary oneHourHold() {
        return HoldSummary.of(TestSteps.constant(1, 1, StepKind.HOLD, -0.0775513469060, -0.45, 3600, 1),
                RU_FE_NC.areaCm2());
    }

    @Test
    void oneHourHoldAtMinus0point1VGivesFe100PercentAnd3point08MgPerHourPerMgCat() {
        HoldSummary hold = oneHourHold();
        // Q = 3600 s · 0.0775513469060 A = 279.1848488616 C; mean j = −77.5513469060 mA cm⁻²
        assertThat(hold.cathodicChargeCoulombs()).isCloseTo(279.1848488616, within(1e-9));
        assertThat(hold.meanCurrentDensityMaPerCm2()).isCloseTo(-77.551346906, within(1e-9));

        ProductAnalysis result = ProductAnalysis.of(
                new SampleReading(QuantificationMethod.INDOPHENOL_BLUE_NH3, 0.763386765310,
                        SampleReading.dilutionFactor(0.05, 5.0)),
                SeedCalibration.indophenol(), ReductionReaction.NITRATE_TO_AMMONIA,
                hold.cathodicChargeCoulombs(), hold.durationS(), RU_FE_NC);

        // c = (0.763386765310 − 0.040)/8000 · 100 = 9.04233456637500e-3 mol L⁻¹; N = c · 0.040 L = 3.616933826550e-4 mol
        assertThat(result.concentrationMolPerL()).isCloseTo(9.042334566375e-3, within(1e-15));
        assertThat(result.productMol()).isCloseTo(3.61693382655e-4, within(1e-16));
        // FE = 8 · 96485.332 · 3.61693382655e-4 / 279.1848488616 = 0.99999999999916
        assertThat(result.faradaicEfficiency().fraction()).isCloseTo(1.0, within(1e-9));
        assertThat(result.faradaicEfficiency().percent()).isCloseTo(100.0, within(1e-7));
        assertThat(result.faradaicEfficiency().exceedsHundredPercent()).isFalse();
        // yield = 3.61693382655e-4 mol · 17.031 g/mol · 1000 mg/g / 1 h / 2 mg = 3.0799999999987 mg h⁻¹ mg⁻¹
        assertThat(result.yieldRate().mgPerHourPerMgCat()).isCloseTo(3.08, within(1e-9));
        // per area: 6160 µg h⁻¹ cm⁻²; 361.693382655 µmol h⁻¹ cm⁻²
        assertThat(result.yieldRate().ugPerHourPerCm2()).isCloseTo(6160.0, within(1e-6));
        assertThat(result.yieldRate().umolPerHourPerCm2()).isCloseTo(361.693382655, within(1e-7));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aBlankThatWasNotSubtractedShowsAsAboveHundredPercentWithAWarning() {
        // the same hold read 10 % higher in the cuvette: A − b = 1.1 · 0.723386765310 → FE = 1.1 (110 %), flagged
        HoldSummary hold = oneHourHold();
        ProductAnalysis result = ProductAnalysis.of(
                new SampleReading(QuantificationMethod.INDOPHENOL_BLUE_NH3, 0.040 + 1.1 * 0.723386765310, 100),
                SeedCalibration.indophenol(), ReductionReaction.NITRATE_TO_AMMONIA,
                hold.cathodicChargeCoulombs(), hold.durationS(), RU_FE_NC);
        assertThat(result.faradaicEfficiency().fraction()).isCloseTo(1.1, within(1e-9));
        assertThat(result.warnings()).containsExactlyInAnyOrder(
                ProductAnalysis.Warning.FARADAIC_EFFICIENCY_ABOVE_100_PERCENT);
    }

    @Test
    void refusesAReadingOfAnotherMethodOrProduct() {
        HoldSummary hold = oneHourHold();
        assertThatThrownBy(() -> ProductAnalysis.of(new SampleReading(QuantificationMethod.NESSLER_NH3, 0.5, 100),
                SeedCalibration.indophenol(), ReductionReaction.NITRATE_TO_AMMONIA, hold.cathodicChargeCoulombs(),
                hold.durationS(), RU_FE_NC)).hasMessageContaining("NESSLER_NH3").hasMessageContaining("INDOPHENOL");
        assertThatThrownBy(() -> ProductAnalysis.of(new SampleReading(QuantificationMethod.INDOPHENOL_BLUE_NH3, 0.5, 100),
                SeedCalibration.indophenol(), ReductionReaction.NITRATE_TO_NITRITE, hold.cathodicChargeCoulombs(),
                hold.durationS(), RU_FE_NC)).hasMessageContaining("produces NO2_MINUS");
    }
}
