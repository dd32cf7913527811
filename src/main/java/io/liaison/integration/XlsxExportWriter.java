package io.liaison.integration;

import io.liaison.contact.Contact;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A workbook of one sheet, streamed: rows are flushed to the file every {@value #FLUSH} rows, so
 * that a million rows never sit in memory. Every cell is text, so that mobiles keep their digits.
 */
final class XlsxExportWriter implements ExportWriter {

    static final int FLUSH = 1000;

    private final ExportColumns columns;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxExportWriter(OutputStream out, ExportColumns columns, String sheetName) throws IOException {
        this.columns = columns;
        this.workbook = new Workbook(out, "Liaison", "1.0");
        this.sheet = workbook.newWorksheet(sheetName);
        List<String> header = columns.header();
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        row = 1;
    }

    @Override
    public void write(Contact contact) throws IOException {
        List<String> cells = columns.cells(contact);
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).isEmpty()) {
                sheet.value(row, c, cells.get(c));
            }
        }
        if (++row % FLUSH == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
