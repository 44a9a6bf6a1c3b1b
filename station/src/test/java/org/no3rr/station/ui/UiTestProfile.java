package org.no3rr.station.ui;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The browser tests' station: the simulator at 60× real time instead of the other tests' maximum
 * speed, so a one-minute step takes a second — slow enough for a person-sized page to see a run
 * move (a progress bar that grows, a prompt that waits), fast enough for a test. Its own
 * application instance also keeps its channels free of the API tests' runs.
 */
public class UiTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("station.simulation.speed", "60");
    }
}
