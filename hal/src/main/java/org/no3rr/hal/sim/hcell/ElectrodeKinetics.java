package org.no3rr.hal.sim.hcell;

/**
 * Current density against potential for the working electrode, on the RHE scale of the electrode
 * surface (no iR drop), in A cm⁻², cathodic negative. Three branches:
 * <ul>
 *   <li>nitrate reduction: Tafel kinetics from the onset, in series with the nitrate mass-transport
 *       limit (Koutecký–Levich), both scaled by the nitrate left; the kinetic part also by the
 *       catalyst's remaining activity;</li>
 *   <li>hydrogen evolution: cathodic Tafel from 0 V vs RHE — far slower than nitrate reduction near
 *       the onset, so it only takes over at more negative potentials;</li>
 *   <li>a small anodic branch (surface oxidation) that balances the two at the rest potential, so
 *       the net current rises strictly with potential and every solve has one answer.</li>
 * </ul>
 * Immutable; the state-dependent factors are arguments.
 */
final class ElectrodeKinetics {

    private static final double LN10 = Math.log(10.0);
    private static final double BRACKET_VOLTS = 6.0;
    private static final double TOLERANCE_VOLTS = 1e-10;
    private static final int MAX_ITERATIONS = 100;

    private final double onsetVolts;
    private final double onsetAmpsPerCm2;
    private final double nitratePerVolt;
    private final double nitrateLimitAmpsPerCm2;
    private final double hydrogenExchangeAmpsPerCm2;
    private final double hydrogenPerVolt;
    private final double restVolts;
    private final double anodicPerVolt;
    private final double anodicAtRestAmpsPerCm2;

    ElectrodeKinetics(HCellParameters p) {
        this.onsetVolts = p.nitrateOnsetPotentialVoltsRhe();
        this.onsetAmpsPerCm2 = p.nitrateOnsetCurrentDensityMaCm2() * 1e-3;
        this.nitratePerVolt = LN10 / (p.nitrateTafelSlopeMvDec() * 1e-3);
        this.nitrateLimitAmpsPerCm2 = p.nitrateLimitingCurrentDensityMaCm2() * 1e-3;
        this.hydrogenExchangeAmpsPerCm2 = p.hydrogenExchangeCurrentDensityMaCm2() * 1e-3;
        this.hydrogenPerVolt = LN10 / (p.hydrogenTafelSlopeMvDec() * 1e-3);
        this.restVolts = p.restPotentialVoltsRhe();
        this.anodicPerVolt = LN10 / (p.anodicTafelSlopeMvDec() * 1e-3);
        // chosen so that the fresh electrode rests exactly at the rest potential
        this.anodicAtRestAmpsPerCm2 = nitrateReduction(restVolts, 1.0, 1.0) + hydrogenEvolution(restVolts);
    }

    /** Magnitude of the nitrate-reduction current density at {@code volts} vs RHE. */
    double nitrateReduction(double volts, double nitrateFraction, double activity) {
        double limit = nitrateLimitAmpsPerCm2 * nitrateFraction;
        double kinetic = onsetAmpsPerCm2 * activity * nitrateFraction * Math.exp((onsetVolts - volts) * nitratePerVolt);
        double sum = kinetic + limit;
        return sum > 0 ? kinetic * limit / sum : 0.0;
    }

    /** Magnitude of the hydrogen-evolution current density at {@code volts} vs RHE. */
    double hydrogenEvolution(double volts) {
        return hydrogenExchangeAmpsPerCm2 * Math.exp(-volts * hydrogenPerVolt);
    }

    /** Net current density at {@code volts} vs RHE: anodic minus both cathodic branches; strictly increasing. */
    double net(double volts, double nitrateFraction, double activity) {
        return anodicAtRestAmpsPerCm2 * Math.exp((volts - restVolts) * anodicPerVolt)
                - nitrateReduction(volts, nitrateFraction, activity) - hydrogenEvolution(volts);
    }

    /** The potential vs RHE at which the net current density is {@code ampsPerCm2} (galvanostatic, or 0 for rest). */
    double potentialFor(double ampsPerCm2, double nitrateFraction, double activity) {
        return solve(0.0, 1.0, ampsPerCm2, nitrateFraction, activity);
    }

    /**
     * The surface potential vs RHE when a potentiostat holds {@code measuredVolts} vs RHE behind an
     * uncompensated resistance of {@code ohmCm2}: solves E + j(E)·R_u·A = E_measured.
     */
    double surfacePotentialBehind(double measuredVolts, double ohmCm2, double nitrateFraction, double activity) {
        return solve(1.0, ohmCm2, measuredVolts, nitrateFraction, activity);
    }

    /** Bisection for w·E + r·j(E) = target; the left side rises strictly with E. */
    private double solve(double w, double r, double target, double nitrateFraction, double activity) {
        double low = -BRACKET_VOLTS;
        double high = BRACKET_VOLTS;
        for (int i = 0; i < MAX_ITERATIONS && high - low > TOLERANCE_VOLTS; i++) {
            double mid = 0.5 * (low + high);
            if (w * mid + r * net(mid, nitrateFraction, activity) > target) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return 0.5 * (low + high);
    }
}
