package org.no3rr.station.lab.instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.service.NotFoundException;

import java.util.List;

/** The lab's live view of its stations, as their MQTT topics last told it. Lab instance only. */
@Path("/api/lab")
public class LabStationResource {

    @Inject
    StationConfig station;

    @Inject
    LabMqttFollower follower;

    /** The broker's state ({@code off}, {@code connected}, {@code unreachable}) and every station heard of. */
    public record LabStations(String broker, List<ObjectNode> stations) {
    }

    @GET
    @Path("stations")
    public LabStations stations() {
        requireLab();
        return new LabStations(follower.broker().name().toLowerCase(java.util.Locale.ROOT), follower.state().stations());
    }

    /** The latest events of every station, oldest first. */
    @GET
    @Path("events")
    public List<JsonNode> events() {
        requireLab();
        return follower.state().events();
    }

    private void requireLab() {
        if (station.role() != StationConfig.Role.LAB) {
            throw new NotFoundException("the lab's stations are served by the lab instance (station.role=lab)");
        }
    }
}
