package io.liaison.analytics.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as a CSV file, as the other exports write them: UTF-8 with a byte order mark (so that Excel
 * reads Chinese), a header row, and cells that a spreadsheet would take for a formula quoted.
 */
public final class CsvTable {

    private CsvTable() {}

    public static byte[] of(List<String> header, List<List<String>> rows) {
        StringWriter writer = new StringWriter();
        // the byte order mark tells Excel the file is UTF-8
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord(header.stream().map(CsvTable::safe).toList());
            for (List<String> row : rows) {
                csv.printRecord(row.stream().map(CsvTable::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A cell that a spreadsheet would take for a formula (=, +, -, @) starts with an apostrophe. */
    private static String safe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
