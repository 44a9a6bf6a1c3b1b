/**
 * The protocol language: what a researcher writes, as data.
 *
 * <p>Plain text, one step per line, blocks by indentation (a tab counts as four spaces), {@code #}
 * starts a comment, keywords and units ignore case. {@link org.no3rr.protocol.ProtocolParser}
 * reads it into a {@link org.no3rr.protocol.Protocol}; {@link org.no3rr.protocol.ProtocolWriter}
 * writes a model back in canonical form; {@link org.no3rr.protocol.ProtocolTemplates} holds ready
 * protocols for the tests of the seed papers.
 *
 * <table>
 * <caption>Lines</caption>
 * <tr><th>line</th><th>example</th></tr>
 * <tr><td>{@code Rest for <time>}</td><td>{@code Rest for 10 min}</td></tr>
 * <tr><td>{@code Discharge|Charge at <current> <ends>}</td>
 *     <td>{@code Discharge at 5 mA/cm2 until 0.8 V or 2 h}, {@code Charge at 2 mA until 2.4 V},
 *     {@code Discharge at 5 mA/cm2 for 10 min or until 0.3 V}, {@code Charge at 1 mA until 5 mAh}</td></tr>
 * <tr><td>{@code Hold at <potential> vs RHE|Ag/AgCl|ref for <time> [or until <capacity>]}</td>
 *     <td>{@code Hold at -0.1 V vs RHE for 1 h}</td></tr>
 * <tr><td>{@code Polarize from <current> to <current> in steps of <current>, <time> each[, until <voltage>]}</td>
 *     <td>{@code Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 60 s each, until 0.2 V}</td></tr>
 * <tr><td>{@code Sweep from <potential> to <potential> vs <scale> at <rate>}</td>
 *     <td>{@code Sweep from 0.2 V to -0.6 V vs RHE at 10 mV/s}</td></tr>
 * <tr><td>{@code Cycle between <potential> and <potential> vs <scale> at <rate>, <N> times}</td>
 *     <td>{@code Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 3 times}</td></tr>
 * <tr><td>{@code Ask "<question>"} or {@code Ask: <question>}</td>
 *     <td>{@code Ask "Refresh the electrolyte and take a sample"}</td></tr>
 * <tr><td>{@code Repeat <N> times:} and an indented block</td><td>{@code Repeat 500 times:}</td></tr>
 * <tr><td>{@code Limits: <low> V to <high> V, <low> mA to <high> mA} (top level; either window)</td>
 *     <td>{@code Limits: 0.0 V to 2.6 V, -50 mA to 50 mA}</td></tr>
 * <tr><td>{@code Record every <time> [or <voltage>] [or <current>]} (top level: the whole protocol);
 *     {@code , record every …} after a step: that step only</td>
 *     <td>{@code Record every 1 s or 5 mV or 0.1 mA}</td></tr>
 * <tr><td>{@code Stop when discharge|charge capacity < <N> % of cycle <n>} or {@code < <capacity>} (top level)</td>
 *     <td>{@code Stop when discharge capacity < 80 % of cycle 1}</td></tr>
 * </table>
 *
 * <p>Ends: the first after the setpoint starts with {@code until} (a time, a voltage cut-off or a
 * capacity) or {@code for} (a time); more follow after {@code or}; the first one met ends the step.
 * A discharge ends when the voltage falls to its cut-off, a charge when it rises to it. Units:
 * {@code ms s min h}; {@code V mV}; {@code A mA uA µA}, each also per cm² ({@code mA/cm2},
 * {@code mA/cm²}, {@code mA cm-2}); {@code Ah mAh uAh C}; {@code V/s mV/s}; {@code %}. Currents
 * are magnitudes: Discharge is negative current, Charge positive. A number without a unit borrows
 * the unit of its partner ({@code from 0 to 30 mA/cm2}, {@code between 0.1 and 0.3 V},
 * {@code Limits: -50 to 50 mA}).
 */
package org.no3rr.protocol;
