package org.no3rr.station.store;

/** A protocol a researcher saved under a name. Times are epoch milliseconds. */
public record SavedProtocol(long id, String name, String text, long createdMs, long updatedMs) {
}
