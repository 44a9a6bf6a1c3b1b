package org.no3rr.metrics.quantification;

import java.util.Objects;

/**
 * What a reading is corrected by, so that product that did not come from the hold is not credited
 * to it: a blank (the fresh electrolyte measured the same way, its concentration subtracted) or a
 * control run (e.g. the same hold without nitrate; the moles it measured are subtracted).
 */
public sealed interface Background {

    /** No correction. */
    record None() implements Background {
    }

    /** A reading of the fresh electrolyte with the same method and calibration; c_net = c − c_blank. */
    record Blank(SampleReading reading) implements Background {
        public Blank {
            Objects.requireNonNull(reading, "reading");
        }
    }

    /**
     * The product a control run measured; n_net = n − n_control.
     *
     * @param productMol  moles the control measured (c·V of its own reading)
     * @param description which run and reading, for the report
     */
    record Control(double productMol, String description) implements Background {
        public Control {
            if (!Double.isFinite(productMol)) {
                throw new IllegalArgumentException("the control's productMol must be finite, was " + productMol);
            }
            Objects.requireNonNull(description, "description");
        }
    }
}
