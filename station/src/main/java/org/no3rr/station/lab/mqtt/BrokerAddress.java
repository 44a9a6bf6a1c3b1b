package org.no3rr.station.lab.mqtt;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the broker is, from {@code station.lab.mqtt.url}: {@code tcp://host[:port]} (1883) or
 * {@code ssl://host[:port]} (8883; {@code mqtts://} is read the same).
 */
record BrokerAddress(String host, int port, boolean tls) {

    static BrokerAddress parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw refused(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean tls = switch (scheme) {
            case "tcp", "mqtt" -> false;
            case "ssl", "mqtts" -> true;
            default -> throw refused(url);
        };
        if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw refused(url);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 8883 : 1883;
        return new BrokerAddress(uri.getHost(), port, tls);
    }

    private static IllegalArgumentException refused(String url) {
        return new IllegalArgumentException("station.lab.mqtt.url '" + url + "' is not a broker address: use "
                + "tcp://host:port (e.g. tcp://broker.lab:1883) or ssl://host:port");
    }

    @Override
    public String toString() {
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }
}
