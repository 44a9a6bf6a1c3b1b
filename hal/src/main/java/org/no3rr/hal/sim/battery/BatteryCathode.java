package org.no3rr.hal.sim.battery;

import static org.no3rr.hal.sim.chem.Electrochemistry.asinh;

/**
 * The discharging cathode of the Zn–NO3⁻ battery: two reactions in parallel at one electrode
 * potential. Nitrate reduction is kinetically fast but mass-transport limited; hydrogen evolution
 * has its equilibrium potential well below the nitrate rest potential and so takes little current
 * until nitrate cannot carry the demand, then takes the surplus. Splitting the current this way is
 * what keeps the cell voltage finite and positive beyond the nitrate limit, and it is also what
 * decides the products: NH3 and NO2⁻ from the nitrate share, H2 from the rest.
 *
 * <p>Overpotentials η are measured cathodically (positive = more reducing) from the cathode's
 * nitrate-reduction rest potential, i.e. from where the OCV puts it. For a demanded current density
 * j the split solves j_N + j_H(η_N(j_N)) = j with
 * η_N(j_N) = (RT/αF)·asinh(j_N/2j₀) − B·ln(1 − j_N/j_lim) and j_H(η) = j₀,H·10^((η − ΔE_H)/b_H).
 * The left side rises strictly with j_N, so there is one root; a safeguarded Newton iteration
 * finds it, warm-started from the previous split because a simulated channel asks for nearly the
 * same current every second and one or two steps then suffice (a read must stay cheap: the
 * benchmark reads 1.2 M times). The last answer is cached for the same reason.
 *
 * <p>Not thread-safe: the owning model is driven by one synchronised channel.
 */
final class BatteryCathode {

    /** Relative width of the root bracket at which the iteration stops: far below any ADC resolution. */
    private static final double TOLERANCE = 1e-13;

    /** Enough for pure bisection to reach {@link #TOLERANCE} from any bracket; Newton needs a handful. */
    private static final int MAX_ITERATIONS = 100;

    /** Keeps j_N strictly below the limit so that ln(1 − j_N/j_lim) stays finite. */
    private static final double LIMIT_MARGIN = 1e-12;

    private final double kineticVolts;
    private final double nitrateExchange;
    private final double concentrationVolts;
    private final double hydrogenExchange;
    private final double hydrogenOffsetVolts;
    /** b_H / ln 10: HER overpotential per e-fold of current. */
    private final double hydrogenVoltsPerNeper;

    private double cachedDemand = Double.NaN;
    private double cachedLimit = Double.NaN;
    private double nitrateShare = 1.0;
    private double overpotential;

    /**
     * @param kineticVolts        RT/αF of the nitrate reduction, V
     * @param nitrateExchange     j₀ of the nitrate reduction, A cm⁻²
     * @param concentrationVolts  B of the nitrate concentration overpotential, V
     * @param hydrogenExchange    j₀,H, A cm⁻²
     * @param hydrogenOffsetVolts ΔE_H, the H2 equilibrium below the nitrate rest potential, V
     * @param hydrogenTafelVolts  b_H, V per decade
     */
    BatteryCathode(double kineticVolts, double nitrateExchange, double concentrationVolts, double hydrogenExchange,
            double hydrogenOffsetVolts, double hydrogenTafelVolts) {
        this.kineticVolts = kineticVolts;
        this.nitrateExchange = nitrateExchange;
        this.concentrationVolts = concentrationVolts;
        this.hydrogenExchange = hydrogenExchange;
        this.hydrogenOffsetVolts = hydrogenOffsetVolts;
        this.hydrogenVoltsPerNeper = hydrogenTafelVolts / Math.log(10);
    }

    /**
     * Cathodic overpotential at which the cathode carries {@code demand} A cm⁻² (> 0) when nitrate
     * can carry at most {@code limit} A cm⁻².
     */
    double overpotential(double demand, double limit) {
        solve(demand, limit);
        return overpotential;
    }

    /** Fraction of {@code demand} A cm⁻² carried by nitrate reduction; the rest evolves H2. */
    double nitrateShare(double demand, double limit) {
        solve(demand, limit);
        return nitrateShare;
    }

    /** η_N(j_N): nitrate-reduction activation plus concentration overpotential. */
    double nitrateOverpotential(double nitrate, double limit) {
        return kineticVolts * asinh(nitrate / (2 * nitrateExchange))
                - concentrationVolts * Math.log1p(-nitrate / limit);
    }

    /** j_H(η): Tafel hydrogen evolution, counted from its own equilibrium ΔE_H below the nitrate rest potential. */
    double hydrogenCurrentDensity(double eta) {
        return hydrogenExchange * Math.exp((eta - hydrogenOffsetVolts) / hydrogenVoltsPerNeper);
    }

    private void solve(double demand, double limit) {
        if (demand == cachedDemand && limit == cachedLimit) {
            return;
        }
        if (limit > 0) {
            splitAgainstNitrateLimit(demand, limit);
        } else {
            nitrateShare = 0.0;
            overpotential = hydrogenOverpotential(demand);
        }
        cachedDemand = demand;
        cachedLimit = limit;
    }

    /**
     * Root of f(x) = x + j_H(η_N(x)) − j on the bracket [−j_H(0), min(j, j_lim)): f(−j_H(0)) ≤ −j < 0
     * because η_N is negative there, and f(j) = j_H(η_N(j)) > 0. A negative x (nitrate reduction
     * running backwards) occurs only at demands below j_H(0), nano-amperes with the defaults.
     */
    private void splitAgainstNitrateLimit(double demand, double limit) {
        double low = -hydrogenCurrentDensity(0.0);
        double high = Math.min(demand, limit * (1.0 - LIMIT_MARGIN));
        if (residual(high, demand, limit) < 0) {
            // nitrate saturated and H2 too slow even at η_N(j_lim − margin): H2 alone sets the potential
            nitrateShare = high / demand;
            overpotential = hydrogenOverpotential(demand - high);
            return;
        }
        double x = Math.max(low, Math.min(high, nitrateShare * demand));
        for (int i = 0; i < MAX_ITERATIONS && high - low > TOLERANCE * demand; i++) {
            double eta = nitrateOverpotential(x, limit);
            double hydrogen = hydrogenCurrentDensity(eta);
            double f = x + hydrogen - demand;
            if (f == 0) {
                break;
            }
            if (f > 0) {
                high = x;
            } else {
                low = x;
            }
            double step = f / (1.0 + hydrogen / hydrogenVoltsPerNeper * nitrateSlope(x, limit));
            if (Math.abs(step) <= 0.25 * TOLERANCE * demand) {
                x -= step;
                break;
            }
            double next = x - step;
            x = next > low && next < high ? next : 0.5 * (low + high);
        }
        nitrateShare = x / demand;
        overpotential = nitrateOverpotential(x, limit);
    }

    private double residual(double nitrate, double demand, double limit) {
        return nitrate + hydrogenCurrentDensity(nitrateOverpotential(nitrate, limit)) - demand;
    }

    /** dη_N/dj_N. */
    private double nitrateSlope(double nitrate, double limit) {
        return kineticVolts / Math.sqrt(nitrate * nitrate + 4 * nitrateExchange * nitrateExchange)
                + concentrationVolts / (limit - nitrate);
    }

    private double hydrogenOverpotential(double hydrogen) {
        return hydrogenOffsetVolts + hydrogenVoltsPerNeper * Math.log(hydrogen / hydrogenExchange);
    }
}
