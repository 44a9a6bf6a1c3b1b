package org.no3rr.engine;

import java.util.Random;

/** Writes random valid protocols of every step kind, with small times so that runs stay short. */
final class RandomProtocols {

    private RandomProtocols() {
    }

    static String protocol(Random r) {
        StringBuilder text = new StringBuilder();
        if (r.nextBoolean()) {
            text.append("Limits: 0 V to 3 V, -60 mA to 60 mA\n");
        }
        if (r.nextBoolean()) {
            text.append("Record every ").append(1 + r.nextInt(5)).append(" s or ").append(1 + r.nextInt(20))
                    .append(" mV\n");
        }
        if (r.nextInt(3) == 0) {
            text.append("Stop when discharge capacity < ").append(50 + r.nextInt(50)).append(" % of cycle 1\n");
        }
        block(r, text, "", 0);
        return text.toString();
    }

    private static void block(Random r, StringBuilder text, String indent, int depth) {
        int steps = 1 + r.nextInt(4);
        for (int i = 0; i < steps; i++) {
            if (depth < 2 && r.nextInt(4) == 0) {
                text.append(indent).append("Repeat ").append(1 + r.nextInt(3)).append(" times:\n");
                block(r, text, indent + "  ", depth + 1);
            } else {
                text.append(indent).append(step(r)).append('\n');
            }
        }
    }

    private static String step(Random r) {
        switch (r.nextInt(9)) {
            case 0:
                return "Rest for " + seconds(r);
            case 1:
                return "Discharge at " + (1 + r.nextInt(10)) + " mA/cm2 until " + (0.5 + r.nextInt(10) / 10.0)
                        + " V or " + seconds(r);
            case 2:
                return "Charge at " + (1 + r.nextInt(20)) + " mA for " + seconds(r) + " or until 2.4 V or 0.01 mAh";
            case 3:
                return "Hold at " + (-r.nextInt(10) / 10.0) + " V vs " + (r.nextBoolean() ? "RHE" : "Ag/AgCl")
                        + " for " + seconds(r);
            case 4:
                return "Polarize from 0 to " + (2 + r.nextInt(5)) + " mA/cm2 in steps of 1 mA/cm2, "
                        + (1 + r.nextInt(3)) + " s each" + (r.nextBoolean() ? ", until 0.9 V" : "");
            case 5:
                return "Sweep from 0.1 V to " + (0.1 + (r.nextInt(20) - 10) / 1000.0 + 0.0005) + " V vs RHE at "
                        + (1 + r.nextInt(20)) + " mV/s";
            case 6:
                return "Cycle between 0 and " + (2 + r.nextInt(8)) + " mV vs Ag/AgCl at " + (1 + r.nextInt(5))
                        + " mV/s, " + (1 + r.nextInt(2)) + " times";
            case 7:
                return "Ask \"step " + r.nextInt(100) + "; refresh = yes?\"";
            default:
                return "Discharge at 2 mA for " + seconds(r) + ", record every 2 s or 0.1 mA";
        }
    }

    private static String seconds(Random r) {
        return (1 + r.nextInt(20)) + " s";
    }
}
