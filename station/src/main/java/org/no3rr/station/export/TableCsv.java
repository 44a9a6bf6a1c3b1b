package org.no3rr.station.export;

import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A CSV of records, one row each, from a list of named columns — how the paper pack writes its
 * steps, readings and events. Cells are written as in every export ({@link CsvCells}): whole numbers
 * as they are, other numbers with {@code Double.toString}, an absent value (null, NaN) empty, text
 * quoted when it must be, instants as ISO-8601 UTC.
 *
 * @param <T> what one row shows
 */
public final class TableCsv<T> {

    /** @param header the column's header, unit after the last underscore */
    public record Column<T>(String header, Function<T, Object> value) {
    }

    private final List<Column<T>> columns;

    public TableCsv(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    public String header() {
        return columns.stream().map(Column::header).collect(Collectors.joining(","));
    }

    public void write(Writer out, List<T> rows) {
        CsvCells.line(out, header());
        StringBuilder row = new StringBuilder(512);
        for (T item : rows) {
            row.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    row.append(',');
                }
                cell(row, columns.get(c).value().apply(item));
            }
            CsvCells.line(out, row);
        }
    }

    private static void cell(StringBuilder row, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Double || value instanceof Float) {
            CsvCells.appendOptional(row, ((Number) value).doubleValue());
        } else if (value instanceof Number || value instanceof Boolean) {
            row.append(value);
        } else if (value instanceof Instant instant) {
            row.append(instant);
        } else {
            CsvCells.appendText(row, value.toString());
        }
    }
}
