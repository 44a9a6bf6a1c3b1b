package org.no3rr.station.security;

import io.netty.bootstrap.ChannelInitializerExtension;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Puts a {@link HeadDeadline} first on every connection the HTTP server accepts, before Vert.x or TLS sees
 * a byte: Vert.x and Quarkus offer no hook at accept (their connection handler is Quarkus's own, and their
 * timeouts restart on every byte), so a client dribbling its request head one byte a minute would hold a
 * connection for days, and enough of them every connection the station has. Netty loads this class as a
 * service ({@code META-INF/services}) when {@code io.netty.bootstrap.extensions=serviceload};
 * {@link org.no3rr.station.StationMain} sets that, and {@link HttpGuard} warns if a request arrives without
 * the deadline. Inactive until {@link #configure} (from the station's settings); Netty's other servers —
 * none in this application — are passed over unless their peer is an IP address.
 */
public final class AcceptGuard extends ChannelInitializerExtension {

    /** The Netty setting that makes it load service-provided extensions such as this one. */
    public static final String NETTY_EXTENSIONS = ChannelInitializerExtension.EXTENSIONS_SYSTEM_PROPERTY;

    /**
     * @param maxOpenPerAddress connections one non-loopback address may hold; more are closed as they open
     * @param headTimeout how long a connection may go without a request head, from its opening or from the
     *                    end of its last response
     */
    record Limits(int maxOpenPerAddress, Duration headTimeout) {
    }

    private static final OpenConnections OPEN = new OpenConnections();
    private static volatile Limits limits;

    static void configure(Limits settings) {
        limits = settings;
    }

    @Override
    public void postInitializeServerChildChannel(Channel child) {
        Limits settings = limits;
        if (settings != null && child.remoteAddress() instanceof InetSocketAddress peer) {
            child.pipeline().addFirst(HeadDeadline.NAME, new HeadDeadline(peer.getAddress(), settings, OPEN));
        }
    }
}
