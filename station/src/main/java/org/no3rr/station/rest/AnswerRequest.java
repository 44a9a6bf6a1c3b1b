package org.no3rr.station.rest;

/** Body of {@code POST /api/runs/{id}/answer}: the operator's answer to the pending prompt. */
public record AnswerRequest(String answer) {
}
