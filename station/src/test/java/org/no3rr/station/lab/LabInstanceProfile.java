package org.no3rr.station.lab;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The application as the lab instance ({@code station.role=lab}) against a private PostgreSQL and a private
 * Mosquitto: one profile, so every lab-instance test class shares one started application.
 */
public class LabInstanceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("station.role", "lab");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CentralDatabaseResource.class), new TestResourceEntry(BrokerResource.class));
    }

    /** Starts the private Mosquitto and points the lab instance at it. */
    public static class BrokerResource implements QuarkusTestResourceLifecycleManager {

        static MosquittoBroker broker;

        public static MosquittoBroker broker() {
            return broker;
        }

        @Override
        public Map<String, String> start() {
            try {
                broker = MosquittoBroker.create();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("station.lab.mqtt.url", broker.url());
        }

        @Override
        public void stop() {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }
    }
}
