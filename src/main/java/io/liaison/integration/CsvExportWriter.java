package io.liaison.integration;

import io.liaison.contact.Contact;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV in UTF-8 with a byte-order mark, which Chinese Excel needs to open it as UTF-8. */
final class CsvExportWriter implements ExportWriter {

    private final ExportColumns columns;
    private final CSVPrinter printer;

    CsvExportWriter(OutputStream out, ExportColumns columns) throws IOException {
        this.columns = columns;
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(columns.header());
    }

    @Override
    public void write(Contact contact) throws IOException {
        printer.printRecord(columns.cells(contact));
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
