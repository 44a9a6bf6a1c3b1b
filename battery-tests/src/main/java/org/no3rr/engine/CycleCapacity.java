package org.no3rr.engine;

/**
 * The capacities of a completed cycle that a {@code Stop when … of cycle n} line compares with.
 *
 * @param cycle              cycle number
 * @param dischargeCoulombs  ∫|I| dt over the cycle's discharge steps, in C
 * @param chargeCoulombs     ∫|I| dt over the cycle's charge steps, in C
 */
public record CycleCapacity(int cycle, double dischargeCoulombs, double chargeCoulombs) {
}
