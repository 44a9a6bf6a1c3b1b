package org.no3rr.station.security;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One accepted connection's bounds, as {@link AcceptGuard} sets them: its address may hold only so many
 * connections (the Pi's own address excepted: a local proxy or monitor speaks for many), and it must
 * send a whole request head within the head timeout of opening, and again within it of each response's end — a
 * keep-alive connection left unused is closed, as web servers do. {@link HttpGuard} tells it when a head
 * has arrived and when the response ended; a response that does not end (the live stream) keeps it open.
 * Its state is only touched on the connection's event loop (calls from elsewhere are handed to it).
 */
final class HeadDeadline extends ChannelInboundHandlerAdapter {

    static final String NAME = "station-head-deadline";
    private static final Logger LOG = Logger.getLogger(HeadDeadline.class);
    /** The Pi itself (a reverse proxy or monitor on it speaks for many clients); literals, so no lookup. */
    private static final Set<InetAddress> LOCAL_HOST = Set.of(new InetSocketAddress("127.0.0.1", 0).getAddress(),
            new InetSocketAddress("::1", 0).getAddress());

    private final InetAddress address;
    private final AcceptGuard.Limits limits;
    private final OpenConnections open;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> timer;
    private boolean counted;

    HeadDeadline(InetAddress address, AcceptGuard.Limits limits, OpenConnections open) {
        this.address = address;
        this.limits = limits;
        this.open = open;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counted = true;
        int holding = open.opened(address);
        ctx.fireChannelActive();
        if (holding > limits.maxOpenPerAddress() && !LOCAL_HOST.contains(address)) {
            LOG.debugf("closing a connection from %s as it opens: the address holds %d", address.getHostAddress(), holding);
            ctx.close();
        } else {
            arm();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            open.closed(address);
            counted = false;
        }
        disarm();
        ctx.fireChannelInactive();
    }

    /** The deadline of the connection {@code request} came on; null if it has none (Netty did not load it). */
    static HeadDeadline of(HttpServerRequest request) {
        return request.connection() instanceof ConnectionBase connection
                ? (HeadDeadline) connection.channel().pipeline().get(NAME) : null;
    }

    /** A whole request head has arrived: no deadline while it is answered. */
    void headArrived() {
        onLoop(this::disarm);
    }

    /** The response ended: the next head must come within the timeout. */
    void responseEnded() {
        onLoop(this::arm);
    }

    private void onLoop(Runnable action) {
        if (context.executor().inEventLoop()) {
            action.run();
        } else {
            context.executor().execute(action);
        }
    }

    private void arm() {
        disarm();
        if (context.channel().isActive()) {
            timer = context.executor().schedule(this::expire, limits.headTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire() {
        timer = null;
        LOG.debugf("closing a connection from %s: no request head within %s", address.getHostAddress(),
                limits.headTimeout());
        context.close();
    }
}
