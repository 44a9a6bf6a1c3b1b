package org.no3rr.station.ui;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The results pages' station: the simulator at maximum speed, so whole templates (five one-hour
 * holds, ten recycling cycles, six rate steps) end in seconds; its own application, so its four
 * channels are free of other tests' runs.
 */
public class ResultsTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("station.simulation.speed", "max");
    }
}
