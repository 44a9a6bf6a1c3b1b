package org.no3rr.station.store;

/** The database refused or failed an operation (full disk, closed database, constraint). */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /** A refusal of the store's own, such as a sample number stored twice. */
    public StorageException(String message) {
        super(message);
    }
}
