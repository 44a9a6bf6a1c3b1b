package org.no3rr.station.calibration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.no3rr.hal.mcp4725.Mcp4725Driver;
import org.no3rr.hal.mcp4725.Mcp4725Status;
import org.no3rr.hal.mcp4725.PowerDown;
import org.no3rr.hal.pi4j.DacRole;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.channel.ChannelRunner;
import org.no3rr.station.hardware.HardwareBackend;
import org.no3rr.station.hardware.Pi4jStationBackend;
import org.no3rr.station.hardware.StationChannel;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.NotFoundException;

/**
 * Commissioning of a channel's MCP4725s: what each DAC's EEPROM powers it up at, and writing the
 * safe code (mid-scale, normal mode: 0 A, 0 V) into it. A DAC whose EEPROM does not hold it keeps
 * its channel's relay open (the self-test's interlock) until it is written here. Only with the
 * channel idle: the DAC passes through mid-scale while it writes.
 */
@ApplicationScoped
public class DacCommissioningService {

    /** A DAC as the commissioning page shows it. */
    public record DacView(String channel, String role, String chip, int dacCode, String powerDown, int eepromCode,
                          String eepromPowerDown, boolean safePowerUp, boolean ready) {
    }

    @Inject
    HardwareBackend backend;

    @Inject
    ChannelManager channels;

    public List<DacView> dacs(String channelId) {
        Pi4jStationBackend pi4j = pi4j();
        StationChannel channel = channel(channelId);
        return roles(channel).stream().map(role -> view(pi4j, channelId, role, pi4j.dacStatus(channelId, role))).toList();
    }

    public synchronized DacView commission(String channelId, String roleId) {
        Pi4jStationBackend pi4j = pi4j();
        StationChannel channel = channel(channelId);
        DacRole role = DacRole.find(roleId).filter(roles(channel)::contains).orElseThrow(() -> new InvalidRequestException(
                "role", "'" + roleId + "' is not a DAC of channel " + channelId + "; allowed: "
                        + roles(channel).stream().map(DacRole::id).collect(Collectors.joining(", "))));
        channels.activeRunner(channelId).map(ChannelRunner::runId).ifPresent(run -> {
            throw new ConflictException("channel " + channelId + " is busy with run " + run
                    + "; commission its DACs when no run is active");
        });
        return view(pi4j, channelId, role, pi4j.commissionDac(channelId, role));
    }

    private static List<DacRole> roles(StationChannel channel) {
        return Arrays.stream(DacRole.values())
                .filter(r -> r == DacRole.CURRENT_SOURCE || channel.hardware().potentialControl().isPresent()).toList();
    }

    private static DacView view(Pi4jStationBackend pi4j, String channelId, DacRole role, Mcp4725Status s) {
        boolean safe = s.eepromCode() == Mcp4725Driver.MID_SCALE && s.eepromPowerDown() == PowerDown.NORMAL;
        return new DacView(channelId, role.id(), pi4j.describeDac(channelId, role), s.dacCode(), s.powerDown().name(),
                s.eepromCode(), s.eepromPowerDown().name(), safe, s.ready());
    }

    private Pi4jStationBackend pi4j() {
        if (backend instanceof Pi4jStationBackend pi4j) {
            return pi4j;
        }
        throw new ConflictException("DAC commissioning applies to the pi4j backend (station.hal.backend=pi4j); this"
                + " station runs the '" + backend.name() + "' backend");
    }

    private StationChannel channel(String channelId) {
        return channels.channel(channelId).orElseThrow(() -> new NotFoundException(channels.noSuchChannel(channelId)));
    }
}
