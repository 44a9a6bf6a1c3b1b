package org.no3rr.station.store;

/** The database refused or failed an operation (full disk, closed database, constraint). */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
