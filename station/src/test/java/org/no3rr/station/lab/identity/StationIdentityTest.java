package org.no3rr.station.lab.identity;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The station's name: the configured one when it is fit for topics and URLs, else the host name made fit. */
class StationIdentityTest {

    @Test
    void aConfiguredIdIsKeptAsItIs() {
        assertThat(StationIdentity.resolve(Optional.of("bench-2"), "ignored.example")).isEqualTo("bench-2");
        assertThat(StationIdentity.resolve(Optional.of("a".repeat(40)), "x")).hasSize(40);
    }

    @Test
    void aConfiguredIdOutsideTheAlphabetOrTooLongIsRefusedNamingKeyValueAndRule() {
        for (String bad : new String[] {"Bench-2", "bench_2", "bench/2", "", "a".repeat(41), "bänk"}) {
            assertThatThrownBy(() -> StationIdentity.resolve(Optional.of(bad), "host"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("station.id '" + bad + "' is not allowed: use 1 to 40 characters of "
                            + "a-z, 0-9 and '-'");
        }
    }

    @Test
    void theDefaultIsTheHostNameLowerCasedWithEachRunOfOtherCharactersOneDash() {
        assertThat(StationIdentity.resolve(Optional.empty(), "Bench_2.Lab.Example")).isEqualTo("bench-2-lab-example");
        assertThat(StationIdentity.fromHostName("--Pi 4 (Zn)--")).isEqualTo("pi-4-zn");
        assertThat(StationIdentity.fromHostName("raspberrypi")).isEqualTo("raspberrypi");
    }

    @Test
    void aLongHostNameIsCutTo40CharactersWithoutATrailingDash() {
        String host = "a".repeat(39) + ".local";
        assertThat(StationIdentity.fromHostName(host)).isEqualTo("a".repeat(39));
        assertThat(StationIdentity.fromHostName("b".repeat(45))).isEqualTo("b".repeat(40));
    }

    @Test
    void aHostNameWithNoUsableCharacterGivesStation() {
        assertThat(StationIdentity.fromHostName("___")).isEqualTo("station");
        assertThat(StationIdentity.fromHostName(null)).isEqualTo("station");
    }
}
