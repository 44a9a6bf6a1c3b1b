/**
 * The protocol language: what a researcher writes, as data.
 *
 * <p>Plain text, one step per line, blocks by indentation, {@code #} comments; the grammar, with
 * one example per construct and what is read differently from PyBaMM, is in
 * {@code docs/protocols.md}. {@link org.no3rr.protocol.ProtocolParser} reads text into a
 * {@link org.no3rr.protocol.Protocol} of typed {@link org.no3rr.protocol.Step}s; the JSON form
 * ({@link org.no3rr.protocol.json.ProtocolJson}) builds the same steps directly.
 * {@link org.no3rr.protocol.ProtocolWriter} writes a model back in canonical form;
 * {@link org.no3rr.protocol.ProtocolOutline} gives a page what it needs without reading text;
 * {@link org.no3rr.protocol.ProtocolTemplates} holds ready protocols for the tests of the seed papers.
 *
 * <p>Where each rule lives: units in {@link org.no3rr.protocol.Unit}; the rules of a step (positive
 * setpoints, the ends it accepts, ranges) in the step records' constructors, so both readers obey
 * them; what a channel and a cell allow in {@code RatingsCheck}. Setpoints are magnitudes; the
 * methods that give a setpoint in SI units apply the station's sign: positive current charges.
 *
 * <p>Adding a step kind: its record in {@link org.no3rr.protocol.Step} (rules, kind, SI setpoint),
 * its text reader and a row in {@code LineReaders} (or a case in an existing reader), its line in
 * {@link org.no3rr.protocol.ProtocolWriter}, its JSON key in {@code json.JsonStepReader} and
 * {@code json.JsonProtocolWriter}, its ratings in {@code RatingsCheck}, and its program in the
 * engine's {@code StepPrograms}.
 */
package org.no3rr.protocol;
