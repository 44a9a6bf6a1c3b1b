package org.no3rr.hal.pi4j;

import java.util.Map;
import java.util.Optional;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.mcp4725.Mcp4725Driver;

/** A channel of the rig with the DACs behind it, for the EEPROM check and its commissioning. */
record RigChannel(ChannelHardware hardware, Map<DacRole, Mcp4725Driver> dacs) {

    RigChannel {
        dacs = Map.copyOf(dacs);
    }

    Optional<Mcp4725Driver> dac(DacRole role) {
        return Optional.ofNullable(dacs.get(role));
    }
}
