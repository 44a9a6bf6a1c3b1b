package org.no3rr.hal.pi4j;

import com.pi4j.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.fake.FakeRig;
import org.no3rr.hal.fake.FakeTime;

/** Opens the example board on fake chips and mock GPIO for the port contracts, and shuts the contexts down after. */
final class Pi4jChannelContracts {

    private final List<Context> contexts = new ArrayList<>();

    ChannelHardware channel(String id) {
        FakeTime time = new FakeTime();
        Context pi4j = FakeRig.context(FakeRig.exampleChips(time));
        contexts.add(pi4j);
        Pi4jRig rig = Pi4jBackend.open(BoardFile.example(), pi4j, Map.of(), time);
        return rig.channels().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    void shutdown() {
        contexts.forEach(Context::shutdown);
        contexts.clear();
    }
}
