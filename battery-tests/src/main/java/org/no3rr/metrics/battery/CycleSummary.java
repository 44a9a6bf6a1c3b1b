package org.no3rr.metrics.battery;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.Ratios;
import org.no3rr.metrics.Units;

/**
 * The metrics of one cycle, with the unit and the normalisation in every name so that the station
 * can serve and export the record as it is. Per-cm² values use the geometric electrode area; per-g
 * values use the zinc anode mass and are NaN when {@link CellMetadata#znMassG()} is not given.
 * Ratios are NaN when their denominator is zero (e.g. CE of a cycle with no charge half).
 *
 * <p>Build it with {@link #of}; the canonical constructor does not check consistency.
 *
 * @param cycle                           cycle number (1-based; see docs/metrics.md for delimiting)
 * @param startEpochMillis                start of the cycle's first step
 * @param endEpochMillis                  last sample of the cycle
 * @param stepCount                       steps in the cycle
 * @param chargeCapacityCoulombs          Q_ch = ∫I dt over I &gt; 0, in C
 * @param dischargeCapacityCoulombs       Q_dis = ∫|I| dt over I &lt; 0, in C
 * @param chargeCapacityMah               Q_ch / 3.6
 * @param dischargeCapacityMah            Q_dis / 3.6
 * @param chargeCapacityMahPerCm2         Q_ch / 3.6 / area
 * @param dischargeCapacityMahPerCm2      Q_dis / 3.6 / area
 * @param chargeCapacityMahPerGZn         Q_ch / 3.6 / m_Zn (NaN without m_Zn)
 * @param dischargeCapacityMahPerGZn      Q_dis / 3.6 / m_Zn (NaN without m_Zn)
 * @param chargeEnergyJ                   E_ch = ∫V·|I| dt over I &gt; 0, in J
 * @param dischargeEnergyJ                E_dis = ∫V·|I| dt over I &lt; 0, in J
 * @param chargeEnergyWh                  E_ch / 3600
 * @param dischargeEnergyWh               E_dis / 3600
 * @param chargeEnergyMwhPerCm2           E_ch / 3.6 / area
 * @param dischargeEnergyMwhPerCm2        E_dis / 3.6 / area
 * @param chargeEnergyMwhPerGZn           E_ch / 3.6 / m_Zn (mWh g⁻¹ = Wh kg⁻¹; NaN without m_Zn)
 * @param dischargeEnergyMwhPerGZn        E_dis / 3.6 / m_Zn (NaN without m_Zn)
 * @param meanChargeVoltageV              E_ch / Q_ch, in V
 * @param meanDischargeVoltageV           E_dis / Q_dis, in V
 * @param coulombicEfficiency             Q_dis / Q_ch, a fraction (1 = 100 %), whichever half came first
 * @param energyEfficiency                E_dis / E_ch, a fraction
 * @param voltageGapV                     mean charge V − mean discharge V, in V
 */
public record CycleSummary(int cycle, long startEpochMillis, long endEpochMillis, int stepCount,
                           double chargeCapacityCoulombs, double dischargeCapacityCoulombs,
                           double chargeCapacityMah, double dischargeCapacityMah,
                           double chargeCapacityMahPerCm2, double dischargeCapacityMahPerCm2,
                           double chargeCapacityMahPerGZn, double dischargeCapacityMahPerGZn,
                           double chargeEnergyJ, double dischargeEnergyJ,
                           double chargeEnergyWh, double dischargeEnergyWh,
                           double chargeEnergyMwhPerCm2, double dischargeEnergyMwhPerCm2,
                           double chargeEnergyMwhPerGZn, double dischargeEnergyMwhPerGZn,
                           double meanChargeVoltageV, double meanDischargeVoltageV,
                           double coulombicEfficiency, double energyEfficiency, double voltageGapV) {

    /** Derives every field from the four integrals and the cell's area and zinc mass. */
    public static CycleSummary of(int cycle, long startEpochMillis, long endEpochMillis, int stepCount,
                                  double chargeCoulombs, double dischargeCoulombs,
                                  double chargeEnergyJ, double dischargeEnergyJ, CellMetadata cell) {
        double area = cell.areaCm2();
        double znMassG = cell.znMassG();
        double chargeMah = Units.mahFromCoulombs(chargeCoulombs);
        double dischargeMah = Units.mahFromCoulombs(dischargeCoulombs);
        double chargeMwh = Units.mwhFromJoules(chargeEnergyJ);
        double dischargeMwh = Units.mwhFromJoules(dischargeEnergyJ);
        double meanChargeV = Ratios.orNaN(chargeEnergyJ, chargeCoulombs);
        double meanDischargeV = Ratios.orNaN(dischargeEnergyJ, dischargeCoulombs);
        return new CycleSummary(cycle, startEpochMillis, endEpochMillis, stepCount,
                chargeCoulombs, dischargeCoulombs, chargeMah, dischargeMah,
                chargeMah / area, dischargeMah / area, chargeMah / znMassG, dischargeMah / znMassG,
                chargeEnergyJ, dischargeEnergyJ,
                Units.whFromJoules(chargeEnergyJ), Units.whFromJoules(dischargeEnergyJ),
                chargeMwh / area, dischargeMwh / area, chargeMwh / znMassG, dischargeMwh / znMassG,
                meanChargeV, meanDischargeV,
                Ratios.orNaN(dischargeCoulombs, chargeCoulombs), Ratios.orNaN(dischargeEnergyJ, chargeEnergyJ),
                meanChargeV - meanDischargeV);
    }
}
