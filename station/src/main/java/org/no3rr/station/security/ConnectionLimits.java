package org.no3rr.station.security;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds what one client address can hold: at most {@code maxPerAddress} open connections (counted
 * from their first request until they close), and no more than {@code bodyReadTimeout} to send a
 * request body — a client that declares a body and stalls is disconnected. The total number of
 * connections is bounded by Quarkus ({@code quarkus.http.limits.max-connections}) and a connection
 * that never finishes its headers by the idle timeout ({@code quarkus.http.idle-timeout}).
 */
final class ConnectionLimits {

    private static final Logger LOG = Logger.getLogger(ConnectionLimits.class);

    private final int maxPerAddress;
    private final Duration bodyReadTimeout;
    private final Map<HttpConnection, String> admitted = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedUncountable = new AtomicBoolean();

    ConnectionLimits(int maxPerAddress, Duration bodyReadTimeout) {
        this.maxPerAddress = maxPerAddress;
        this.bodyReadTimeout = bodyReadTimeout;
    }

    /**
     * Counts the request's connection the first time it is seen; a refusal if its address holds too
     * many. Health checks are answered anyway, so monitoring sees the station as it is.
     */
    Refusal admit(HttpServerRequest request, String address) {
        HttpConnection connection = request.connection();
        if (connection == null || admitted.containsKey(connection)) {
            return null;
        }
        if (!(connection instanceof ConnectionBase base)) {
            if (warnedUncountable.compareAndSet(false, true)) {
                LOG.warnf("connections of type %s cannot be counted per address", connection.getClass().getName());
            }
            return null;
        }
        admitted.put(connection, address);
        int count = perAddress.merge(address, 1, Integer::sum);
        base.closeFuture().onComplete(closed -> release(connection));
        if (count > maxPerAddress && !AccessRules.isHealth(request.path())) {
            return new Refusal(429, address + " has " + count + " connections open to the station; at most "
                    + maxPerAddress + " are allowed per address (station.security.max-connections-per-address); "
                    + "close some and try again", null).withHeader("Retry-After", "5");
        }
        return null;
    }

    /** Closes the connection if the request's body has not all arrived within the body read timeout. */
    void watchBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            return;
        }
        long timer = context.vertx().setTimer(bodyReadTimeout.toMillis(), id -> {
            if (!request.isEnded()) {
                LOG.debugf("closing a connection from %s: its body did not arrive within %s", request.remoteAddress(),
                        bodyReadTimeout);
                request.connection().close();
            }
        });
        context.addEndHandler(done -> context.vertx().cancelTimer(timer));
    }

    /** Connections open now from the address, for tests. */
    int openFrom(String address) {
        return perAddress.getOrDefault(address, 0);
    }

    private void release(HttpConnection connection) {
        String address = admitted.remove(connection);
        if (address != null) {
            perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
    }
}
