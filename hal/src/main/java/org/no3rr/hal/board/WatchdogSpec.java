package org.no3rr.hal.board;

/** The hardware-watchdog heartbeat: a GPIO pin the station toggles every {@code toggleIntervalMillis}. */
public record WatchdogSpec(int bcmPin, long toggleIntervalMillis) {
}
