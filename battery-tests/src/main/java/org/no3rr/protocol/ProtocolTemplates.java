package org.no3rr.protocol;

import java.util.List;
import java.util.Optional;

/**
 * Ready protocols for every test in the seed papers (see domain.md). Researchers start from one,
 * change the numbers and save their own. Each text is in the canonical form of
 * {@link ProtocolWriter}, so it reads and writes back unchanged.
 */
public final class ProtocolTemplates {

    /**
     * @param id    stable identifier for URLs, e.g. {@code discharge-5}
     * @param title what the template is for, as a researcher would say it
     * @param text  the protocol text
     */
    public record Template(String id, String title, String text) {
    }

    private static final String SAMPLE_AND_REFRESH =
            "Ask \"Take a catholyte sample for NH3, then refresh the electrolyte\"\n";

    private static final List<Template> ALL = List.of(
            new Template("open-circuit-rest", "Open-circuit rest: record the open-circuit voltage for 1 h", """
                    Record every 10 s or 1 mV
                    Rest for 1 h
                    """),
            galvanostaticDischarge(2),
            galvanostaticDischarge(5),
            galvanostaticDischarge(7),
            new Template("rate-steps", "Rate steps: 10 min discharges at rising current densities", """
                    Limits: 0 V to 2.6 V
                    Record every 5 s or 5 mV
                    Rest for 10 min
                    Discharge at 1 mA/cm2 for 10 min or until 0.8 V
                    Discharge at 2 mA/cm2 for 10 min or until 0.8 V
                    Discharge at 5 mA/cm2 for 10 min or until 0.8 V
                    Discharge at 7 mA/cm2 for 10 min or until 0.8 V
                    Discharge at 10 mA/cm2 for 10 min or until 0.8 V
                    Discharge at 20 mA/cm2 for 10 min or until 0.8 V
                    """),
            new Template("discharge-polarization", "Discharge polarization for the power-density curve", """
                    Limits: 0 V to 2.6 V
                    Rest for 10 min
                    Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 1 min each, until 0.2 V
                    """),
            new Template("rechargeable-cycling", "Long-term cycling: 10 min discharge / 10 min charge at 5 mA/cm2", """
                    Limits: 0 V to 2.6 V, -20 mA/cm2 to 20 mA/cm2
                    Record every 10 s or 5 mV
                    Stop when discharge capacity < 80 % of cycle 1
                    Rest for 10 min
                    Repeat 500 times:
                      Discharge at 5 mA/cm2 for 10 min or until 0.8 V
                      Rest for 1 min
                      Charge at 5 mA/cm2 for 10 min or until 2.4 V
                      Rest for 1 min
                    """),
            // A Zn–nitrate cell charges by oxygen evolution at its cathode, so a CV hold tapers only as far
            // as the zinc side's overpotential falls: a taper to 60 % of the charging current, bounded in time,
            // rather than the C/20 of an intercalation battery, which such a cell would never reach.
            new Template("cccv-cycling", "CCCV cycling: discharge at 5 mA/cm2 to 0.8 V, charge at 5 mA/cm2 to 2.1 V "
                    + "and hold until the current falls to 3 mA/cm2 or 1 h", """
                    Limits: 0 V to 2.6 V
                    Record every 10 s or 5 mV
                    Stop when discharge capacity < 80 % of cycle 1
                    Rest for 10 min
                    Repeat 100 times:
                      Discharge at 5 mA/cm2 until 0.8 V or 2 h
                      Rest for 1 min
                      Charge at 5 mA/cm2 until 2.1 V then hold until 3 mA/cm2 or 1 h
                      Rest for 1 min
                    """),
            new Template("constant-power-discharge", "Constant-power discharge at 5 mW/cm2 to a 0.8 V cut-off "
                    + "(energy and mean voltage)", """
                    Limits: 0 V to 2.6 V
                    Record every 10 s or 5 mV
                    Rest for 10 min
                    Discharge at 5 mW/cm2 until 0.8 V or 24 h
                    """),
            new Template("chronoamperometry-series", "Chronoamperometry series: -0.1 to -0.5 V vs RHE, 1 h each",
                    "Record every 1 s\n"
                            + "Hold at -0.1 V vs RHE for 1 h\n" + SAMPLE_AND_REFRESH
                            + "Hold at -0.2 V vs RHE for 1 h\n" + SAMPLE_AND_REFRESH
                            + "Hold at -0.3 V vs RHE for 1 h\n" + SAMPLE_AND_REFRESH
                            + "Hold at -0.4 V vs RHE for 1 h\n" + SAMPLE_AND_REFRESH
                            + "Hold at -0.5 V vs RHE for 1 h\n" + SAMPLE_AND_REFRESH),
            new Template("chronoamperometry-recycling", "Stability: 10 cycles at -0.1 V vs RHE, electrolyte refreshed "
                    + "between cycles", """
                    Repeat 10 times:
                      Hold at -0.1 V vs RHE for 1 h
                      Ask "Take a catholyte sample for NH3, then refresh the electrolyte (3-5 min)"
                    """),
            new Template("lsv", "Linear sweep voltammetry from 0.2 to -0.6 V vs RHE at 10 mV/s", """
                    Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s
                    """),
            new Template("cdl-cv", "Double-layer capacitance: CVs in a non-Faradaic window at 20-100 mV/s", """
                    Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times
                    Cycle between 0.1 and 0.3 V vs RHE at 40 mV/s, 3 times
                    Cycle between 0.1 and 0.3 V vs RHE at 60 mV/s, 3 times
                    Cycle between 0.1 and 0.3 V vs RHE at 80 mV/s, 3 times
                    Cycle between 0.1 and 0.3 V vs RHE at 100 mV/s, 3 times
                    """),
            new Template("cv-activation", "CV activation: 50 cycles at 50 mV/s before measuring", """
                    Cycle between 0.25 and -1.15 V vs RHE at 50 mV/s, 50 times
                    """));

    private ProtocolTemplates() {
    }

    public static List<Template> all() {
        return ALL;
    }

    public static Optional<Template> byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static Template galvanostaticDischarge(int milliampsPerCm2) {
        return new Template("discharge-" + milliampsPerCm2,
                "Galvanostatic discharge at " + milliampsPerCm2 + " mA/cm2 to a 0.8 V cut-off (specific capacity)",
                "Limits: 0 V to 2.6 V\n"
                        + "Record every 10 s or 5 mV\n"
                        + "Rest for 10 min\n"
                        + "Discharge at " + milliampsPerCm2 + " mA/cm2 until 0.8 V or 48 h\n");
    }
}
