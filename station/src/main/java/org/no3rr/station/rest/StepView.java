package org.no3rr.station.rest;

import org.no3rr.protocol.Step;

import java.util.List;

/**
 * A parsed step as the API shows it: its line, its kind and its text; a repeat also shows how
 * often and its block.
 *
 * @param kind  {@code rest}, {@code constant-current}, {@code hold}, {@code polarize}, {@code sweep},
 *              {@code cyclic-voltammetry}, {@code ask} or {@code repeat}
 * @param times for a repeat, how often; null otherwise
 * @param steps for a repeat, its block; null otherwise
 */
public record StepView(int line, String kind, String text, Integer times, List<StepView> steps) {

    static List<StepView> of(List<Step> steps) {
        return steps.stream().map(StepView::of).toList();
    }

    static StepView of(Step step) {
        if (step instanceof Step.Repeat repeat) {
            return new StepView(step.line(), "repeat", step.text(), repeat.times(), of(repeat.steps()));
        }
        return new StepView(step.line(), kebab(step.getClass().getSimpleName()), step.text(), null, null);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
