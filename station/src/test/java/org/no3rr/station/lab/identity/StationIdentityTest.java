package org.no3rr.station.lab.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A station id is 1–40 characters of a-z, 0-9 and '-'; a host name is reduced to one, a configured id must be one. */
class StationIdentityTest {

    @Test
    void aHostNameIsLowerCasedAndReducedToLettersDigitsAndDashes() {
        assertThat(StationIdentity.fromHostName("Bench_2.lab.example")).isEqualTo("bench-2-lab-example");
        assertThat(StationIdentity.fromHostName("raspberrypi")).isEqualTo("raspberrypi");
        assertThat(StationIdentity.fromHostName("__Pi 4__")).isEqualTo("pi-4");
        assertThat(StationIdentity.fromHostName("ÄÖÜ")).isEqualTo("station");
        assertThat(StationIdentity.fromHostName("a".repeat(39) + ".b")).isEqualTo("a".repeat(39));
        assertThat(StationIdentity.fromHostName("x".repeat(50))).hasSize(40);
    }

    @Test
    void aConfiguredIdOutsideTheFormIsRefusedWithWhatIsAllowed() {
        assertThat(StationIdentity.checked("bench-2")).isEqualTo("bench-2");
        assertThatThrownBy(() -> StationIdentity.checked("Bench 2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("station.id is 'Bench 2'; allowed: 1 to 40 characters of a-z, 0-9 and '-', starting with "
                        + "a letter or digit, e.g. bench-2");
        assertThatThrownBy(() -> StationIdentity.checked("-bench")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StationIdentity.checked("b".repeat(41))).isInstanceOf(IllegalArgumentException.class);
        assertThat(StationIdentity.checked("b".repeat(40))).hasSize(40);
    }
}
