package org.no3rr.station.export;

import org.no3rr.station.store.RunEvent;

import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** A run's events as CSV, as {@code GET /api/runs/{id}/events}: when (Unix seconds and ISO), what, and the message. */
public final class EventCsvWriter {

    public static final TableCsv<RunEvent> TABLE = new TableCsv<>(List.of(
            new TableCsv.Column<>("unix_time_s", e -> e.epochMillis() / 1000.0),
            new TableCsv.Column<>("at", e -> Instant.ofEpochMilli(e.epochMillis())),
            new TableCsv.Column<>("kind", RunEvent::kind),
            new TableCsv.Column<>("message", RunEvent::message)));

    private final Writer out;

    public EventCsvWriter(Writer out) {
        this.out = out;
    }

    public void write(List<RunEvent> events) {
        TABLE.write(out, events);
    }
}
