package org.no3rr.station.lab.mqtt;

import io.vertx.core.Handler;
import io.vertx.mqtt.MqttClient;

/**
 * Why a Vert.x MQTT connection closed, for the log. Vert.x closes a connection on any error on it (a message
 * its decoder refuses, a reset) and reports the error only to the client's exception handler, while the close
 * handler learns nothing; without this, a connection that kept closing said nothing of why.
 */
public final class MqttCloseReason implements Handler<Throwable> {

    private volatile Throwable error;

    private MqttCloseReason() {
    }

    /** Becomes {@code client}'s exception handler. */
    public static MqttCloseReason of(MqttClient client) {
        MqttCloseReason reason = new MqttCloseReason();
        client.exceptionHandler(reason);
        return reason;
    }

    @Override
    public void handle(Throwable e) {
        error = e;
    }

    /** "the connection closed", or the last error reported on it, e.g. "TooLongFrameException: message length …". */
    public String text() {
        Throwable e = error;
        return e == null ? "the connection closed" : "the connection failed: " + e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }
}
