package org.no3rr.station.rest;

import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.Measurement;
import org.no3rr.station.channel.LiveStatus;
import org.no3rr.station.hardware.StationChannel;

import java.time.Instant;

/**
 * A channel at a glance.
 *
 * @param state  {@code IDLE} before its first run, else the state of its latest run
 * @param runId  the latest run on this channel since the station started, or null
 */
public record ChannelView(String id, String model, String cellKind, String state, Long runId, Ratings ratings,
                          RunView.StepView step, LastReading lastReading) {

    public record Ratings(double maxCurrentA, double minVoltageV, double maxVoltageV) {
    }

    /** The latest reading, SI units; {@code wePotentialV} is null without a reference electrode. */
    public record LastReading(Instant at, double voltageV, double currentA, Double wePotentialV) {
    }

    static ChannelView of(StationChannel channel, LiveStatus live) {
        ChannelRatings r = channel.hardware().ratings();
        Ratings ratings = new Ratings(r.maxCurrentAmps(), r.minVoltage(), r.maxVoltage());
        if (live == null) {
            return new ChannelView(channel.id(), channel.model(), channel.hardware().cellKind().name(), "IDLE", null,
                    ratings, null, null);
        }
        Measurement m = live.lastMeasurement();
        LastReading last = m == null ? null : new LastReading(Instant.ofEpochMilli(m.epochMillis()), m.voltage(),
                m.current(), m.hasWorkingElectrodePotential() ? m.workingElectrodePotential() : null);
        RunView.StepView step = live.inStep() ? RunView.StepView.of(live) : null;
        return new ChannelView(channel.id(), channel.model(), channel.hardware().cellKind().name(),
                live.state().name(), live.runId(), ratings, step, last);
    }
}
