package org.no3rr.station.rest;

import org.no3rr.station.validation.Check;
import org.no3rr.station.validation.Ranges;

/** Body of {@code POST /api/runs/{id}/answer}: the operator's answer to the pending prompt. */
public record AnswerRequest(String answer) {

    public AnswerRequest checked() {
        Check.text("answer", answer, Ranges.ANSWER_CHARS);
        return this;
    }
}
