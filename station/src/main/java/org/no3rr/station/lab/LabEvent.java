package org.no3rr.station.lab;

/**
 * One thing that happened in a run, for the lab.
 *
 * @param message    in words: the step's text, the step end's reason, the prompt, the answer, the pause's
 *                   reason, or for {@link LabEventType#RUN_ENDED} the final state and why ("DONE: …")
 * @param epochMillis when it happened, on the channel's clock
 * @param stepNumber driven steps begun so far when it happened; with {@code stepLine} it tells two prompts
 *                   of a run apart, and the same prompt raised again after a restart from a new one
 * @param stepLine   the protocol line the run was at
 */
public record LabEvent(String channelId, long runId, LabEventType type, String message, long epochMillis,
                       int stepNumber, int stepLine) {
}
