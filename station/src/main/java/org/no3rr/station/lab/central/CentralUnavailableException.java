package org.no3rr.station.lab.central;

/** The central database cannot be reached or read now: HTTP 503, try again later. */
public class CentralUnavailableException extends RuntimeException {

    public CentralUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
