package org.no3rr.station.rest;

import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepKind;

import java.util.List;

/**
 * A parsed step as the API shows it: its line, its kind and its text; a repeat also shows how
 * often and its block.
 *
 * @param kind  what the step is, by its wire name ({@code rest}, {@code charge}, {@code voltage_hold}, …)
 * @param times for a repeat, how often; null otherwise
 * @param steps for a repeat, its block; null otherwise
 */
public record StepView(int line, StepKind kind, String text, Integer times, List<StepView> steps) {

    static List<StepView> of(List<Step> steps) {
        return steps.stream().map(StepView::of).toList();
    }

    static StepView of(Step step) {
        if (step instanceof Step.Repeat repeat) {
            return new StepView(step.line(), step.kind(), step.text(), repeat.times(), of(repeat.steps()));
        }
        return new StepView(step.line(), step.kind(), step.text(), null, null);
    }
}
