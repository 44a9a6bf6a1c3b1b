package org.no3rr.station.rest;

import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.station.service.InvalidRequestException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code retention} query parameter: {@code first} (the default) or {@code median-of-first-k}. */
public final class RetentionParameter {

    private static final Pattern MEDIAN = Pattern.compile("median-of-first-([1-9][0-9]{0,3})");

    private RetentionParameter() {
    }

    public static RetentionReference parse(String text) {
        if (text == null || text.isEmpty() || text.equals("first")) {
            return RetentionReference.firstCycle();
        }
        Matcher m = MEDIAN.matcher(text);
        if (m.matches()) {
            return RetentionReference.medianOfFirst(Integer.parseInt(m.group(1)));
        }
        throw new InvalidRequestException("retention", "retention '" + text + "' is not 'first' or "
                + "'median-of-first-k' with k from 1 to 9999, e.g. retention=median-of-first-3");
    }
}
