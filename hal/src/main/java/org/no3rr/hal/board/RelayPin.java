package org.no3rr.hal.board;

/** A relay driver input on a GPIO pin (BCM numbering), energised by HIGH or, when active-low, by LOW. */
public record RelayPin(int bcmPin, boolean activeLow) {
}
