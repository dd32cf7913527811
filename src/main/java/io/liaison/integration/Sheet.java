package io.liaison.integration;

import io.liaison.shared.Message;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The records of an uploaded file as rows of text cells under a header, read one at a time: a CSV
 * file, the first sheet of a workbook, or the cards of a vCard file as fixed columns.
 */
interface Sheet extends Closeable {

    /** The column headers, as the file names them. */
    List<String> header();

    /** The next record, or {@code null} at the end of the file. */
    @Nullable
    Record next() throws IOException;

    /**
     * One record: {@code number} is what the user finds it by (the row number in the sheet, the
     * header being row 1, or the card's number in a vCard file); {@code problem} says why a
     * record could not be read at all.
     */
    record Record(
            int number,
            List<String> cells,
            @Nullable Message problem,
            @Nullable Message note) {

        static Record of(int number, List<String> cells) {
            return new Record(number, cells, null, null);
        }

        /** An empty row, which is not counted; a record that cannot be read is never blank. */
        boolean blank() {
            return problem == null && cells.stream().allMatch(String::isBlank);
        }
    }
}
