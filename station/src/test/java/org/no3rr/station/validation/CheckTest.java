package org.no3rr.station.validation;

import org.junit.jupiter.api.Test;
import org.no3rr.station.service.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The field checks: ranges with their units, text without control characters or unpaired surrogates. */
class CheckTest {

    @Test
    void aNumberOutsideItsRangeIsRefusedWithTheRangeAndTheValue() {
        assertThat(Check.optional("cell.areaCm2", 1.0, Ranges.AREA_CM2)).isEqualTo(1.0);
        assertThat(Check.optional("cell.areaCm2", null, Ranges.AREA_CM2)).isNull();
        assertThatThrownBy(() -> Check.optional("cell.areaCm2", 1e-300, Ranges.AREA_CM2))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cell.areaCm2 must be a number from 1.0E-4 to 10000 cm², was 1.0E-300")
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("cell.areaCm2");
        assertThatThrownBy(() -> Check.inRange("gc.hydrogenPpm", Double.POSITIVE_INFINITY, Ranges.HYDROGEN_PPM))
                .hasMessage("gc.hydrogenPpm must be a number from 0 to 1000000 ppm, was Infinity");
        assertThatThrownBy(() -> Check.inRange("signal", Double.NaN, Ranges.SIGNAL))
                .hasMessage("signal must be a number from -10 to 10000, was NaN");
        assertThatThrownBy(() -> Check.required("trueValue", null, Ranges.REFERENCE_VALUE, "1.000"))
                .hasMessage("trueValue is required, a number from -1000 to 1000 V or A, e.g. 1.000");
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        assertThat(Check.inRange("ph", -1, Ranges.PH)).isEqualTo(-1);
        assertThat(Check.inRange("ph", 15, Ranges.PH)).isEqualTo(15);
        assertThat(Check.optionalWhole("stepNumber", 10_000_000L, 1, Ranges.MAX_STEP_NUMBER)).isEqualTo(10_000_000L);
        assertThatThrownBy(() -> Check.optionalWhole("stepNumber", 0L, 1, Ranges.MAX_STEP_NUMBER))
                .hasMessage("stepNumber must be a whole number from 1 to 10000000, was 0");
    }

    @Test
    void textKeepsTabsLineBreaksAndPairedSurrogatesButNotControlsOrLoneHalves() {
        String emoji = "pH 7 \uD83E\uDDEA";
        assertThat(Check.text("notes", "line 1\nline 2\r\n\tindented " + emoji + " ²", 100)).endsWith("²");
        assertThatThrownBy(() -> Check.text("notes", "a\u0000b", 100))
                .hasMessage("notes contains a control character (U+0000) at character 2; text may hold no control "
                        + "characters (other than tab and line breaks) and no unpaired surrogates");
        assertThatThrownBy(() -> Check.text("notes", "x\u0085", 100)).hasMessageContaining("(U+0085) at character 2");
        assertThatThrownBy(() -> Check.text("notes", "ok\uD800", 100)).hasMessageContaining("an unpaired surrogate (U+D800)");
        assertThatThrownBy(() -> Check.text("notes", "\uDC00ok", 100)).hasMessageContaining("(U+DC00) at character 1");
        assertThatThrownBy(() -> Check.text("answer", "a".repeat(1001), 1000))
                .hasMessage("answer has 1001 characters; at most 1000 are allowed (nothing was stored)");
        assertThat(Check.text("notes", null, 10)).isNull();
    }
}
