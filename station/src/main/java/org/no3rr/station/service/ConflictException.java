package org.no3rr.station.service;

/** The request is valid but the station's state forbids it now (a busy channel, no pending prompt). HTTP 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
