package org.no3rr.station.lab.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab's picture of its stations from their topics: kept as sent, cleared by empty payloads, bounded, never blinded by junk. */
class LabLiveStateTest {

    private final LabLiveState state = new LabLiveState(new ObjectMapper(),
            Clock.fixed(Instant.ofEpochMilli(1_764_900_000_250L), ZoneOffset.UTC));

    private boolean accept(String topic, String payload) {
        return state.accept(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void statusAndChannelsAreKeptPerStationWithWhenTheLabLastHeardOfIt() {
        assertThat(accept("no3rr/bench-2/channels/ch2", "{\"stationId\":\"bench-2\",\"channelId\":\"ch2\",\"state\":\"IDLE\"}")).isTrue();
        assertThat(accept("no3rr/bench-2/channels/ch1", "{\"stationId\":\"bench-2\",\"channelId\":\"ch1\",\"state\":\"RUNNING\","
                + "\"runId\":17,\"globalRunId\":\"bench-2/17\"}")).isTrue();
        List<ObjectNode> stations = state.stations();
        assertThat(stations).hasSize(1);
        assertThat(stations.get(0).get("state").asText()).isEqualTo("unknown");
        assertThat(stations.get(0).get("lastHeardUnixTimeS").asDouble()).isEqualTo(1_764_900_000.25);
        assertThat(stations.get(0).get("channels").findValuesAsText("channelId")).containsExactly("ch1", "ch2");

        accept("no3rr/bench-2/status", "{\"stationId\":\"bench-2\",\"state\":\"online\",\"channels\":[\"ch1\",\"ch2\"]}");
        assertThat(state.stations().get(0).get("state").asText()).isEqualTo("online");
        accept("no3rr/bench-2/status", "{\"stationId\":\"bench-2\",\"state\":\"offline\",\"unixTimeS\":null}");
        assertThat(state.stations().get(0).get("state").asText()).isEqualTo("offline");

        // An empty retained payload clears the channel, as when a station's channel is removed.
        accept("no3rr/bench-2/channels/ch2", "");
        assertThat(state.stations().get(0).get("channels").findValuesAsText("channelId")).containsExactly("ch1");
    }

    @Test
    void topicsOutsideTheContractAndPayloadsThatAreNotObjectsAreIgnored() {
        assertThat(accept("no3rr/bench-2/status", "not json")).isFalse();
        assertThat(accept("no3rr/bench-2/status", "[1,2]")).isFalse();
        assertThat(accept("no3rr/bench-2/other", "{}")).isFalse();
        assertThat(accept("no3rr//status", "{}")).isFalse();
        assertThat(accept("no3rr/bench-2/channels/", "{}")).isFalse();
        assertThat(accept("other/bench-2/status", "{}")).isFalse();
        assertThat(state.stations()).isEmpty();
    }

    @Test
    void onlyTheLastEventsAreKept() {
        for (int i = 1; i <= LabLiveState.EVENTS_KEPT + 5; i++) {
            accept("no3rr/bench-2/events", "{\"type\":\"STEP_STARTED\",\"message\":\"step " + i + "\"}");
        }
        assertThat(state.events()).hasSize(LabLiveState.EVENTS_KEPT);
        assertThat(state.events().get(0).get("message").asText()).isEqualTo("step 6");
        assertThat(state.events().get(LabLiveState.EVENTS_KEPT - 1).get("message").asText())
                .isEqualTo("step " + (LabLiveState.EVENTS_KEPT + 5));
    }
}
