package org.no3rr.station.security;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection's bounds from its accept, on Netty's embedded channel with its clock frozen and moved by
 * hand: no head within the timeout closes it, a request being answered holds it open, and an address's
 * connections beyond its ceiling close as they open (the Pi's own 127.0.0.1 excepted, not the rest of 127/8,
 * which the packaged tests use as other machines).
 */
class HeadDeadlineTest {

    /** A documentation address (RFC 5737), as literal: no lookup. */
    private static final InetAddress LAB_PC = new InetSocketAddress("192.0.2.7", 0).getAddress();
    private static final AcceptGuard.Limits LIMITS = new AcceptGuard.Limits(2, Duration.ofSeconds(20));

    private final OpenConnections open = new OpenConnections();

    @Test
    void aConnectionWithoutARequestHeadIsClosedWhenTheTimeoutEndsNotBefore() throws Exception {
        EmbeddedChannel connection = accepted(LAB_PC);
        after(connection, 19_999);
        assertThat(connection.isOpen()).isTrue();
        after(connection, 1);
        assertThat(connection.isOpen()).isFalse();
        assertThat(open.from(LAB_PC)).isZero();
    }

    @Test
    void noDeadlineWhileARequestIsAnsweredAndAFreshOneAfterItsResponse() throws Exception {
        EmbeddedChannel connection = accepted(LAB_PC);
        HeadDeadline deadline = connection.pipeline().get(HeadDeadline.class);
        after(connection, 15_000);
        deadline.headArrived();
        after(connection, 3_600_000); // a live stream's hour
        assertThat(connection.isOpen()).isTrue();

        deadline.responseEnded();
        after(connection, 19_999);
        assertThat(connection.isOpen()).isTrue();
        after(connection, 1);
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void anAddressBeyondItsCeilingHasItsNewConnectionsClosedAsTheyOpenAndGetsPlacesBackAsTheyClose() throws Exception {
        EmbeddedChannel first = accepted(LAB_PC);
        EmbeddedChannel second = accepted(LAB_PC);
        EmbeddedChannel third = accepted(LAB_PC);
        assertThat(first.isOpen()).isTrue();
        assertThat(second.isOpen()).isTrue();
        assertThat(third.isOpen()).isFalse();
        assertThat(open.from(LAB_PC)).isEqualTo(2);

        first.close();
        EmbeddedChannel fourth = accepted(LAB_PC);
        assertThat(fourth.isOpen()).isTrue();
        assertThat(open.from(LAB_PC)).isEqualTo(2);
    }

    @Test
    void thePisOwnAddressIsNotCappedALocalProxyOrMonitorSpeaksForMany() throws Exception {
        InetAddress local = new InetSocketAddress("127.0.0.1", 0).getAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(accepted(local).isOpen()).isTrue();
        }
        assertThat(open.from(local)).isEqualTo(5);
    }

    private EmbeddedChannel accepted(InetAddress address) throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(false, false, new HeadDeadline(address, LIMITS, open));
        channel.freezeTime();
        channel.register();
        return channel;
    }

    private static void after(EmbeddedChannel channel, long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }
}
