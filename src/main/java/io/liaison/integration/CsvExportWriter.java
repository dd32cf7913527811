package io.liaison.integration;

import io.liaison.contact.Contact;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV in UTF-8 with a byte-order mark, which Chinese Excel needs to open it as UTF-8; no cell is a
 * formula ({@link FormulaGuard}).
 */
final class CsvExportWriter implements ExportWriter {

    private final ExportColumns columns;
    private final CSVPrinter printer;

    CsvExportWriter(OutputStream out, ExportColumns columns) throws IOException {
        this.columns = columns;
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        print(columns.header());
    }

    @Override
    public void write(Contact contact) throws IOException {
        print(columns.cells(contact));
    }

    private void print(List<String> cells) throws IOException {
        for (String cell : cells) {
            printer.print(FormulaGuard.escape(cell));
        }
        printer.println();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
