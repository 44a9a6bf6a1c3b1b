/**
 * The step engine: when to do what. {@link org.no3rr.engine.Engine} is a pure function from
 * ({@link org.no3rr.engine.EngineState}, reading) to a {@link org.no3rr.engine.Decision} — new state,
 * hardware {@link org.no3rr.engine.Command}s, {@link org.no3rr.engine.EngineEvent}s, the sample
 * to record and the step and cycle summaries it closes; {@link org.no3rr.engine.HardwareExecutor}
 * applies the commands to a channel, and {@link org.no3rr.engine.RunDriver} — the one run loop, for
 * the station and the tests alike — ties them together. The cycle and
 * resume rules are in {@link org.no3rr.engine.Engine}'s class comment.
 */
package org.no3rr.engine;
