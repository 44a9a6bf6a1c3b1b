package org.no3rr.station.export;

import org.no3rr.station.service.InvalidRequestException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The downloads of a run, as named in {@code GET /api/runs/{id}/export?format=…}. */
public enum ExportFormat {
    /** Tidy CSV of every sample, SI units in the headers ({@link SampleCsvWriter}). */
    CSV("text/csv; charset=utf-8", ".csv"),
    /** Battery Data Format CSV of every sample ({@link BdfCsvWriter}). */
    BDF("text/csv; charset=utf-8", ".bdf.csv"),
    /** The run's metadata and every sample as one JSON document ({@link JsonRunWriter}). */
    JSON("application/json", ".json"),
    /** One row per cycle, the numbers of {@code /cycles} ({@link CycleCsvWriter}). */
    CYCLES("text/csv; charset=utf-8", "-cycles.csv"),
    /** The paper pack: every table, the figures and a methods paragraph in one ZIP (results.pack.PaperPack). */
    PACK("application/zip", "-pack.zip");

    private final String mediaType;
    private final String fileSuffix;

    ExportFormat(String mediaType, String fileSuffix) {
        this.mediaType = mediaType;
        this.fileSuffix = fileSuffix;
    }

    /**
     * The format named in a request; no name means {@link #CSV}.
     *
     * @throws InvalidRequestException naming {@code format} and the allowed values
     */
    public static ExportFormat parse(String name) {
        if (name == null) {
            return CSV;
        }
        for (ExportFormat format : values()) {
            if (format.queryName().equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InvalidRequestException("format", "format '" + name + "' is not supported; allowed: " + allowed());
    }

    /** {@code csv, bdf, json, cycles, pack} */
    public static String allowed() {
        return Arrays.stream(values()).map(ExportFormat::queryName).collect(Collectors.joining(", "));
    }

    public String queryName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String mediaType() {
        return mediaType;
    }

    /** E.g. {@code run-12.bdf.csv}: the run and the format are clear from the file name alone. */
    public String fileName(long runId) {
        return "run-" + runId + fileSuffix;
    }
}
