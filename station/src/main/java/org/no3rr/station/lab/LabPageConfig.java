package org.no3rr.station.lab;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The lab's page, {@code station.lab.page-url} (docs/lab.md). */
@ConfigMapping(prefix = "station.lab")
public interface LabPageConfig {

    /** The lab page's address, e.g. {@code https://lab.example}: the station's page and its MQTT status link to it. */
    Optional<String> pageUrl();
}
