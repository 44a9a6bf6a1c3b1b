package org.no3rr.station.downsample;

import org.junit.jupiter.api.Test;
import org.no3rr.station.service.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Query parameters of the samples endpoint: defaults, the window in epoch time, and refusals that name the parameter. */
class SampleQueryTest {

    @Test
    void noParametersMeanTheWholeRunAtTwoThousandPoints() {
        SampleQuery query = SampleQuery.parse(null, null, null);

        assertThat(query.maxPoints()).isEqualTo(2000);
        assertThat(query.fromEpochMillis(1_000_000)).isEqualTo(Long.MIN_VALUE);
        assertThat(query.toEpochMillis(1_000_000)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void testTimesBecomeEpochMillisFromTheRunsStart() {
        SampleQuery query = SampleQuery.parse("1.5", "3600", "10");

        assertThat(query.fromEpochMillis(1_000_000)).isEqualTo(1_001_500);
        assertThat(query.toEpochMillis(1_000_000)).isEqualTo(4_600_000);
        assertThat(query.maxPoints()).isEqualTo(10);
    }

    @Test
    void badValuesNameTheParameterAndTheAllowedRange() {
        assertRefused("-1", null, null, "from",
                "from is '-1' but must be a test time in seconds from 0 to 1000000000, e.g. from=3600");
        assertRefused(null, "soon", null, "to",
                "to is 'soon' but must be a test time in seconds from 0 to 1000000000, e.g. to=3600");
        assertRefused("NaN", null, null, "from",
                "from is 'NaN' but must be a test time in seconds from 0 to 1000000000, e.g. from=3600");
        assertRefused("20", "10", null, "to", "to is 10.0 s but must not be before from (20.0 s)");
        assertRefused(null, null, "9", "maxPoints",
                "maxPoints is '9' but must be a whole number from 10 to 20000 (default 2000)");
        assertRefused(null, null, "20001", "maxPoints",
                "maxPoints is '20001' but must be a whole number from 10 to 20000 (default 2000)");
        assertRefused(null, null, "1e3", "maxPoints",
                "maxPoints is '1e3' but must be a whole number from 10 to 20000 (default 2000)");
    }

    private static void assertRefused(String from, String to, String maxPoints, String field, String message) {
        assertThatThrownBy(() -> SampleQuery.parse(from, to, maxPoints))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }
}
