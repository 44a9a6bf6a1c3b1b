package org.no3rr.station.calibration;

import org.no3rr.engine.Command;
import org.no3rr.engine.HardwareExecutor;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.Measurement;
import org.no3rr.station.hardware.StationChannel;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.service.InvalidRequestException;

/**
 * One reading of a channel for a calibration point, alone or while the channel drives a current or
 * holds a potential. Driving goes through the engine's {@link HardwareExecutor}, so the output is set
 * before the relay closes exactly as in a run; the channel is left in its safe state.
 */
final class CalibrationDrive {

    /**
     * How long a driven output settles before it is read: the Howland pump's and the potentiostat's
     * RC filters (about 10 ms) and one ADS1115 conversion (7.8 ms at 128 SPS), with a wide margin.
     */
    static final long SETTLE_MILLIS = 300;

    private CalibrationDrive() {
    }

    static Measurement read(StationChannel channel) {
        return channel.hardware().measure(channel.clock().millis());
    }

    /** Reads while driving {@code command} (a current or a potential), then returns to the safe state. */
    static Measurement driving(StationChannel channel, Command command, String field, String key) {
        ChannelHardware hardware = channel.hardware();
        try {
            try {
                new HardwareExecutor(hardware).apply(command);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(field, e.getMessage());
            }
            channel.clock().waitUntil(channel.clock().millis() + SETTLE_MILLIS);
            return hardware.measure(channel.clock().millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("the reading of " + key + " was interrupted; record the point again");
        } finally {
            hardware.toSafeState();
        }
    }
}
