package org.no3rr.station.service;

/** No such run, channel or resource. HTTP 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
