package org.no3rr.station.security;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Connections open now, by client address, counted from the moment each was accepted. */
final class OpenConnections {

    private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();

    /** Counts one more from {@code address}; returns how many it holds now. */
    int opened(InetAddress address) {
        return byAddress.merge(address, 1, Integer::sum);
    }

    void closed(InetAddress address) {
        byAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    int from(InetAddress address) {
        return byAddress.getOrDefault(address, 0);
    }
}
