package org.no3rr.station;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.no3rr.station.security.AcceptGuard;

/**
 * The station's entry point: Quarkus's own, after turning on Netty's service-loaded channel extensions,
 * which the HTTP server's accept-time bounds need ({@link AcceptGuard}). Netty reads the setting once, at
 * its first connection, so it is set here, before anything starts; a value given on the command line wins.
 */
@QuarkusMain
public final class StationMain {

    public static void main(String... args) {
        if (System.getProperty(AcceptGuard.NETTY_EXTENSIONS) == null) {
            System.setProperty(AcceptGuard.NETTY_EXTENSIONS, "serviceload");
        }
        Quarkus.run(args);
    }
}
