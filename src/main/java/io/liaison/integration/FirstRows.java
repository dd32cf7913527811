package io.liaison.integration;

import io.liaison.contact.ContactImport;
import io.liaison.identity.Actor;
import io.liaison.shared.InvalidValue;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The first rows of an upload as they would be imported, for the preview: only those rows are
 * read, and each cell is shown up to {@link #CELL_CHARS} characters, so that a preview stays
 * small however long the file and its cells are.
 */
final class FirstRows {

    static final int CELL_CHARS = 500;

    private final ImportFiles files;
    private final ContactImport contactImport;
    private final ImportLimits limits;
    private final StoredMessages texts;

    FirstRows(ImportFiles files, ContactImport contactImport, ImportLimits limits, StoredMessages texts) {
        this.files = files;
        this.contactImport = contactImport;
        this.limits = limits;
        this.texts = texts;
    }

    List<ImportService.PreviewRow> read(
            Actor actor, UUID id, String format, ColumnMapping mapping, Directory directory, ImportOptions options) {
        boolean lenient = format.equals(ImportFormat.VCARD);
        RowMapper mapper = new RowMapper(mapping, directory, options.defaultOwnerId(), format);
        List<ImportService.PreviewRow> rows = new ArrayList<>();
        List<ContactImport.Row> bodies = new ArrayList<>();
        List<Sheet.Record> records = new ArrayList<>();
        int phones = mapping.targets().indexOf("phone");
        try (Sheet sheet = ImportFormat.open(files.path(id), format, options.sheet(), limits)) {
            Sheet.Record record;
            while (records.size() < ImportService.PREVIEW_ROWS && (record = sheet.next()) != null) {
                if (!record.blank()) {
                    records.add(phones < 0 ? record : withPhonesShown(record, phones, mapper));
                }
            }
        } catch (UnreadableRecord e) {
            throw LiaisonException.invalid(List.of(LiaisonException.FieldError.of("file", e.reason())));
        } catch (IOException e) {
            throw LiaisonException.invalid("file", "invalid.unreadable-file", Message.of("import.format." + format));
        }
        Map<Integer, ImportService.PreviewRow> refused = new HashMap<>();
        for (Sheet.Record r : records) {
            if (r.problem() != null) {
                refused.put(
                        r.number(),
                        new ImportService.PreviewRow(
                                r.number(), shown(r.cells()), "failed", texts.text(r.problem()), null));
                continue;
            }
            try {
                bodies.add(mapper.map(r, lenient));
            } catch (InvalidValue e) {
                refused.put(
                        r.number(),
                        new ImportService.PreviewRow(
                                r.number(), shown(r.cells()), "failed", texts.text(e.rule()), null));
            }
        }
        ContactImport.Settings settings = new ContactImport.Settings(
                UUID.randomUUID(),
                ImportOptions.mode(options.mode()),
                ImportOptions.match(options.match()),
                lenient,
                new EarlierRows());
        Map<Integer, ContactImport.Result> results = new HashMap<>();
        contactImport.preview(actor, settings, bodies).forEach(r -> results.put(r.record(), r));
        for (Sheet.Record r : records) {
            ImportService.PreviewRow row = refused.get(r.number());
            if (row == null) {
                ContactImport.Result result = results.get(r.number());
                row = new ImportService.PreviewRow(
                        r.number(),
                        shown(r.cells()),
                        result.outcome().name().toLowerCase(Locale.ROOT),
                        texts.text(result.reason()),
                        texts.text(result.note()));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The record with its phones' labels as they will be stored (手机, not Apple's mobile). */
    private static Sheet.Record withPhonesShown(Sheet.Record record, int column, RowMapper mapper) {
        if (column >= record.cells().size()) {
            return record;
        }
        List<String> cells = new ArrayList<>(record.cells());
        cells.set(column, mapper.phonesShown(cells.get(column)));
        return new Sheet.Record(record.number(), cells, record.problem(), record.note());
    }

    private static List<String> shown(List<String> cells) {
        return cells.stream()
                .map(c -> c.length() > CELL_CHARS ? c.substring(0, CELL_CHARS) + "…" : c)
                .toList();
    }
}
