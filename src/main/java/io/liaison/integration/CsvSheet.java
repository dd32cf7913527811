package io.liaison.integration;

import io.liaison.shared.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file in any of the encodings {@link TextEncoding} detects, separated by commas,
 * semicolons or tabs (whichever the header line has most of), with quoted fields that may span
 * lines. The first record is the header. The {@code '} by which an export keeps a cell from being
 * a formula is taken away again.
 */
final class CsvSheet implements Sheet {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private int number = 1;

    CsvSheet(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            BufferedReader reader = new BufferedReader(TextEncoding.reader(in), 1 << 16);
            reader.mark(1 << 16);
            char delimiter = delimiter(reader);
            reader.reset();
            this.parser = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .get()
                    .parse(reader);
            this.records = parser.iterator();
            this.header = records.hasNext() ? clean(records.next().toList()) : List.of();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The separator that occurs most often outside quotes in the first line. */
    private static char delimiter(BufferedReader reader) throws IOException {
        int[] counts = new int[3];
        char[] candidates = {',', ';', '\t'};
        boolean quoted = false;
        int read = 0;
        int c;
        while ((c = reader.read()) != -1 && read++ < (1 << 15)) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int i = 0; i < candidates.length; i++) {
                    if (c == candidates[i]) {
                        counts[i]++;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return candidates[best];
    }

    private static List<String> clean(List<String> cells) {
        List<String> result = new ArrayList<>(cells.size());
        for (String cell : cells) {
            result.add(cell == null ? "" : FormulaGuard.unescape(cell.strip()));
        }
        return result;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public @Nullable Record next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            number++;
            return Record.of(number, clean(record.toList()));
        } catch (UncheckedIOException e) {
            // commons-csv reports a quote that is never closed this way: the rest of the file is one field.
            // Its message names its classes, so the reason is said in our words.
            throw new UnreadableRecord(Message.of("import.reason.unclosed-quote", number + 1), e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
