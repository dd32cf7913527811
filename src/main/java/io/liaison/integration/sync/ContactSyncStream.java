package io.liaison.integration.sync;

import io.liaison.contact.ContactImport;
import io.liaison.contact.ContactSync;
import io.liaison.contact.ImportRun;
import io.liaison.identity.Actor;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An NDJSON sync: one contact per line, {@code {"source", "externalId", ...fields}}, created or
 * merge-patched by that external id through the import's batch path ({@link ContactImport}), {@value
 * #BATCH} lines a transaction. Each line's result is written as soon as its batch is stored, then
 * a {@link SyncSummary}; the body is never held whole.
 */
@Service
public class ContactSyncStream {

    public static final int MAX_LINES = 100_000;
    public static final int MAX_LINE_BYTES = 128 * 1024;
    public static final long MAX_BODY_BYTES = 256L * 1024 * 1024;
    static final int BATCH = 500;
    private static final String UNIQUE_VIOLATION = "23505";

    private final ContactImport contactImport;
    private final StoredMessages messages;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    ContactSyncStream(
            ContactImport contactImport,
            StoredMessages messages,
            JsonMapper json,
            PlatformTransactionManager transactions) {
        this.contactImport = contactImport;
        this.messages = messages;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Reads the lines of {@code body}, stores them and writes a result per line and the summary to {@code out}. */
    public SyncSummary run(Actor actor, InputStream body, OutputStream out, Locale locale) throws IOException {
        Map<String, Integer> firstLines = new HashMap<>();
        ContactImport.Settings settings = ContactImport.Settings.sync(Ids.newId(), (key, record) -> {
            Integer first = firstLines.putIfAbsent(key, record);
            return first == null || first == record ? 0 : first;
        });
        NdjsonLines lines = new NdjsonLines(body, MAX_LINE_BYTES, MAX_BODY_BYTES);
        Batch batch = new Batch(out, locale);
        @Nullable Message stopped = null;
        try (ImportRun run = contactImport.start(actor, settings, false)) {
            while (true) {
                NdjsonLines.Line line;
                try {
                    line = lines.next();
                } catch (NdjsonLines.BodyTooLarge e) {
                    stopped = Message.of("sync.stopped.body", MAX_BODY_BYTES / (1024 * 1024), batch.lines);
                    break;
                }
                if (line == null) {
                    break;
                }
                if (line.number() > MAX_LINES) {
                    stopped = Message.of("sync.stopped.lines", MAX_LINES);
                    break;
                }
                batch.lines = line.number();
                batch.read(line);
                if (batch.size() >= BATCH) {
                    batch.store(run);
                }
            }
            batch.store(run);
        }
        SyncSummary summary = new SyncSummary(
                true,
                batch.lines,
                batch.count("created"),
                batch.count("updated"),
                batch.count("unchanged"),
                batch.count("failed"),
                messages.text(stopped, locale));
        write(out, summary);
        out.flush();
        return summary;
    }

    /** The lines read since the last batch was stored: rows to store, and lines refused on reading. */
    private final class Batch {

        final OutputStream out;
        final Locale locale;
        final List<ContactImport.Row> rows = new ArrayList<>();
        final List<SyncLineResult> refused = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();
        int lines;

        Batch(OutputStream out, Locale locale) {
            this.out = out;
            this.locale = locale;
        }

        int size() {
            return rows.size() + refused.size();
        }

        int count(String status) {
            return counts.getOrDefault(status, 0);
        }

        void read(NdjsonLines.Line line) {
            if (line.text() == null) {
                refuse(line.number(), null, Message.of(Objects.requireNonNull(line.unreadable())));
                return;
            }
            if (line.text().isBlank()) {
                return;
            }
            Map<String, @Nullable Object> fields;
            try {
                fields = object(line.text());
            } catch (JacksonException e) {
                refuse(line.number(), null, Message.of("sync.line.not-json"));
                return;
            }
            if (fields == null) {
                refuse(line.number(), null, Message.of("sync.line.not-object"));
                return;
            }
            try {
                String source = key(fields, "source");
                String externalId = key(fields, "externalId");
                ContactSync.checkKey(source, externalId);
                rows.add(ContactImport.Row.byExternalId(
                        line.number(), ContactSync.withKey(fields, source, externalId), source, externalId));
            } catch (LiaisonException e) {
                refused.add(failed(line.number(), e.errors(), ContactImport.reason(e)));
            }
        }

        private void refuse(int line, @Nullable String field, Message why) {
            refused.add(new SyncLineResult(
                    line, "failed", null, List.of(new SyncLineResult.SyncError(field, why.code(), text(why)))));
        }

        /** Stores the rows in one transaction, then writes every line's result in the lines' order. */
        void store(ImportRun run) throws IOException {
            List<SyncLineResult> results = new ArrayList<>(refused);
            if (!rows.isEmpty()) {
                for (ContactImport.Result r : stored(run)) {
                    results.add(result(r));
                }
            }
            results.sort(Comparator.comparingInt(SyncLineResult::line));
            for (SyncLineResult r : results) {
                counts.merge(r.status(), 1, Integer::sum);
                write(out, r);
            }
            out.flush();
            rows.clear();
            refused.clear();
        }

        /**
         * The batch's results; when a contact with one of its ids was created meanwhile by another
         * request (the unique index refuses the batch), the batch is stored again and now changes it.
         */
        private List<ContactImport.Result> stored(ImportRun run) {
            try {
                return Objects.requireNonNull(transaction.execute(s -> run.store(rows)));
            } catch (RuntimeException e) {
                if (!createdMeanwhile(e)) {
                    throw e;
                }
                return Objects.requireNonNull(transaction.execute(s -> run.store(rows)));
            }
        }

        private SyncLineResult result(ContactImport.Result r) {
            return switch (r.outcome()) {
                case CREATED -> new SyncLineResult(r.record(), "created", r.contactId(), List.of());
                case UPDATED -> new SyncLineResult(r.record(), "updated", r.contactId(), List.of());
                case UNCHANGED -> new SyncLineResult(r.record(), "unchanged", r.contactId(), List.of());
                case SKIPPED, FAILED -> failed(r.record(), r.errors(), Objects.requireNonNull(r.reason()));
            };
        }

        private SyncLineResult failed(int line, List<LiaisonException.FieldError> errors, Message reason) {
            List<SyncLineResult.SyncError> said = errors.isEmpty()
                    ? List.of(new SyncLineResult.SyncError(null, reason.code(), text(reason)))
                    : errors.stream()
                            .map(e -> new SyncLineResult.SyncError(
                                    e.field(), e.rule().code(), text(e.rule())))
                            .toList();
            return new SyncLineResult(line, "failed", null, said);
        }

        private String text(Message message) {
            return Objects.requireNonNull(messages.text(message, locale));
        }
    }

    /** A unique index refused a row, through JDBC or the COPY of new contacts (SQL state 23505). */
    private static boolean createdMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException
                    || (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private @Nullable Map<String, @Nullable Object> object(String line) {
        Object value = json.readValue(line, Object.class);
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        return fields;
    }

    /** The line's {@code source} or {@code externalId}, taken out of its fields. */
    private static String key(Map<String, @Nullable Object> fields, String name) {
        Object value = fields.remove(name);
        if (value == null) {
            throw LiaisonException.invalid(name, "invalid.required");
        }
        if (!(value instanceof String text)) {
            throw LiaisonException.invalid(name, "invalid.string");
        }
        return text;
    }

    private void write(OutputStream out, Object line) throws IOException {
        out.write(json.writeValueAsBytes(line));
        out.write('\n');
    }
}
