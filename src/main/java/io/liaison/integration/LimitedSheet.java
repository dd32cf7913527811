package io.liaison.integration;

import io.liaison.shared.LiaisonException;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sheet that refuses a file past the import limits as it is read: more records than {@code
 * maxRows}, a row with more than {@code maxColumns} non-empty columns, or a cell longer than
 * {@code maxCellChars}. A refusal is a 413 problem that names the limit and where it was passed.
 */
final class LimitedSheet implements Sheet {

    private final Sheet sheet;
    private final ImportLimits limits;
    private final int exemptColumn;
    private int records;

    /** {@code exemptColumn} is a column bounded by the reader itself (a vCard's photo), or -1. */
    LimitedSheet(Sheet sheet, ImportLimits limits, int exemptColumn) {
        this.sheet = sheet;
        this.limits = limits;
        this.exemptColumn = exemptColumn;
        try {
            check(1, sheet.header());
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return sheet.header();
    }

    @Override
    public @Nullable Record next() throws IOException {
        Record record = sheet.next();
        if (record == null) {
            return null;
        }
        if (++records > limits.maxRows()) {
            throw LiaisonException.tooLarge("import-too-many-rows", limits.maxRows());
        }
        check(record.number(), record.cells());
        return record;
    }

    private void check(int row, List<String> cells) {
        int used = cells.size();
        while (used > 0 && cells.get(used - 1).isEmpty()) {
            used--;
        }
        if (used > limits.maxColumns()) {
            throw LiaisonException.tooLarge("import-too-many-columns", limits.maxColumns(), row, used);
        }
        for (int i = 0; i < used; i++) {
            if (i != exemptColumn && cells.get(i).length() > limits.maxCellChars()) {
                throw cellTooLong(limits.maxCellChars(), row, column(i));
            }
        }
    }

    static LiaisonException cellTooLong(int max, int row, String column) {
        return LiaisonException.tooLarge("import-cell-too-long", max, row, column);
    }

    /** A column's letters as a spreadsheet shows them: A for the first, AA for the 27th. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    private void closeQuietly() {
        try {
            sheet.close();
        } catch (IOException e) {
            // The refusal is what the caller needs to know.
        }
    }

    @Override
    public void close() throws IOException {
        sheet.close();
    }
}
