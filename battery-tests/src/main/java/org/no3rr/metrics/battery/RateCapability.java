package org.no3rr.metrics.battery;

import java.util.ArrayList;
import java.util.List;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.Units;
import org.no3rr.protocol.StepKind;

/**
 * A rate test: the discharge capacity delivered at each current density of a staircase of
 * discharges. One point per discharge step, in the order run (a return to a low rate at the end
 * shows recovery, so points are not merged).
 */
public final class RateCapability {

    /**
     * @param currentDensityMaPerCm2      mean |I| of the step over the geometric area, mA cm⁻²
     * @param dischargeCapacityMah        Q_dis of the step, mAh
     * @param dischargeCapacityMahPerCm2  Q_dis / area
     * @param dischargeCapacityMahPerGZn  Q_dis / m_Zn (NaN without m_Zn)
     * @param meanDischargeVoltageV       E_dis / Q_dis, V
     */
    public record RatePoint(int stepNumber, double currentDensityMaPerCm2, double dischargeCapacityMah,
                            double dischargeCapacityMahPerCm2, double dischargeCapacityMahPerGZn,
                            double meanDischargeVoltageV) {
    }

    private RateCapability() {
    }

    /** The discharge steps among {@code steps}; other steps are skipped. */
    public static List<RatePoint> of(List<StepSummary> steps, CellMetadata cell) {
        List<RatePoint> points = new ArrayList<>();
        for (StepSummary step : steps) {
            if (step.kind() != StepKind.DISCHARGE) {
                continue;
            }
            double mah = Units.mahFromCoulombs(step.totals().dischargeCoulombs());
            points.add(new RatePoint(step.stepNumber(), Math.abs(step.meanCurrentDensityMaPerCm2(cell.areaCm2())),
                    mah, mah / cell.areaCm2(), mah / cell.znMassG(), step.totals().meanDischargeVoltageV()));
        }
        return List.copyOf(points);
    }
}
