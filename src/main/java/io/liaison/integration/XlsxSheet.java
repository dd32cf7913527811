package io.liaison.integration;

import io.liaison.shared.LiaisonException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

/**
 * A worksheet of an XLSX workbook (the first unless one is named), streamed row by row (the workbook is never held in memory,
 * and {@link ZipGuard} has checked each of its parts first);
 * the first non-empty row is the header. Numbers read as Excel shows them without grouping (a
 * mobile stored as a number stays 13812345678), dates as {@code yyyy-MM-dd}.
 */
final class XlsxSheet implements Sheet {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;

    /**
     * {@code name} is a worksheet's name or its number from 1; null for the first. The ZIP is
     * checked against the {@code limits} before the workbook reader opens it.
     */
    XlsxSheet(Path file, @Nullable String name, ImportLimits limits) throws IOException {
        ZipGuard.check(file, limits);
        this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        try {
            this.stream = sheet(name).openStream();
            this.rows = stream.iterator();
            List<String> first = List.of();
            while (rows.hasNext() && first.stream().allMatch(String::isBlank)) {
                first = cells(rows.next());
            }
            this.header = first;
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    /** The names of a workbook's worksheets, in order. */
    static List<String> names(Path file, ImportLimits limits) throws IOException {
        ZipGuard.check(file, limits);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            return workbook.getSheets()
                    .map(org.dhatim.fastexcel.reader.Sheet::getName)
                    .toList();
        }
    }

    private org.dhatim.fastexcel.reader.Sheet sheet(@Nullable String name) {
        if (name == null) {
            return workbook.getFirstSheet();
        }
        List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).getName().equals(name) || String.valueOf(i + 1).equals(name)) {
                return sheets.get(i);
            }
        }
        throw LiaisonException.invalid(
                "sheet",
                "invalid.no-sheet",
                name,
                String.join(
                        ", ",
                        sheets.stream()
                                .map(org.dhatim.fastexcel.reader.Sheet::getName)
                                .toList()));
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public @Nullable Record next() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        return Record.of(row.getRowNum(), cells(row));
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    private static String text(@Nullable Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            if (isDate(cell.getDataFormatString())) {
                LocalDateTime date = cell.asDate();
                return date.toLocalTime().toSecondOfDay() == 0
                        ? date.toLocalDate().toString()
                        : date.toString();
            }
            BigDecimal number = cell.asNumber().stripTrailingZeros();
            return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
        }
        if (cell.getType() == CellType.ERROR) {
            return "";
        }
        String text = cell.getText();
        return text == null ? "" : text.strip();
    }

    /** Excel's date formats: a year, day or month (not minutes) letter outside quotes and brackets. */
    static boolean isDate(@Nullable String format) {
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(java.util.Locale.ROOT);
        return bare.contains("y") || bare.contains("d") || (bare.contains("m") && !bare.contains("h"));
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
