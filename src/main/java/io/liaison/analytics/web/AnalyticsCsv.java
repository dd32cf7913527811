package io.liaison.analytics.web;

import io.liaison.analytics.report.CsvTable;
import io.liaison.shared.web.Downloads;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * A table of figures as the CSV file that both the API and the analytics page hand out: UTF-8 with a
 * byte order mark ({@link CsvTable}), saved as {@code analytics-WHAT-FROM-TO.csv}, so that a file
 * downloaded from either is named and read alike.
 */
public final class AnalyticsCsv {

    private AnalyticsCsv() {}

    /** {@code what} names the figure or chart, {@code from} and {@code to} the days it covers. */
    public static ResponseEntity<byte[]> download(
            String what, LocalDate from, LocalDate to, List<String> header, List<List<String>> rows) {
        String name = "analytics-" + what + "-" + from + "-" + to + ".csv";
        return Downloads.attachment("text/csv;charset=UTF-8", name, CsvTable.of(header, rows));
    }
}
