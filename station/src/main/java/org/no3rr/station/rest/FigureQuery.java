package org.no3rr.station.rest;

import jakarta.ws.rs.QueryParam;
import org.no3rr.station.results.FigureOptions;
import org.no3rr.station.service.InvalidRequestException;

import java.util.Locale;

/**
 * The query parameters of a figure, for a run's figure and a comparison alike (docs/results.md):
 * {@code format=json|csv|png}, {@code cycles}, {@code binMv}, {@code specificCapacitanceMfPerCm2},
 * {@code capacity}, {@code yield}, {@code retention}, {@code widthMm}.
 */
public class FigureQuery {

    @QueryParam("format")
    String format;

    @QueryParam("cycles")
    String cycles;

    @QueryParam("binMv")
    String binMv;

    @QueryParam("specificCapacitanceMfPerCm2")
    String specificCapacitance;

    @QueryParam("capacity")
    String capacity;

    @QueryParam("yield")
    String yield;

    @QueryParam("retention")
    String retention;

    @QueryParam("widthMm")
    String widthMm;

    public FigureOptions options() {
        return FigureOptions.parse(cycles, binMv, specificCapacitance, capacity, yield,
                RetentionParameter.parse(retention), widthMm);
    }

    /** @throws InvalidRequestException naming {@code format} and the allowed values */
    public FigureFormat format() {
        if (format == null) {
            return FigureFormat.JSON;
        }
        try {
            return FigureFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("format", "format '" + format + "' is not supported; allowed: json, "
                    + "csv, png");
        }
    }

    /** How a figure is sent. */
    public enum FigureFormat {
        JSON, CSV, PNG
    }
}
