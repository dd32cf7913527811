package io.liaison.push.core;

import io.liaison.identity.Actor;
import io.liaison.push.PushRecipientsExported;
import io.liaison.shared.LiaisonException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A push's recipients as CSV for whoever may read the push: name, address (masked as the reader sees
 * it), channel, state, reason and when it ended, in the reader's language and zone, at most {@value
 * #MAX_ROWS} rows. Starting an export checks the reader and the size and records it in the audit log;
 * the file is then written page by page as it streams.
 */
@Service
public class RecipientExport {

    /** The most recipients one export holds. */
    public static final int MAX_ROWS = 100_000;

    static final int PAGE = 1_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final PushService pushes;
    private final RecipientQueries recipients;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    RecipientExport(
            PushService pushes, RecipientQueries recipients, MessageSource messages, ApplicationEventPublisher events) {
        this.pushes = pushes;
        this.recipients = recipients;
        this.messages = messages;
        this.events = events;
    }

    /** An export begun: whose, of which push and state, in which language. */
    public record Export(
            Actor reader, UUID pushId, @Nullable String state, int rows, Locale locale) {

        public String fileName(Instant now) {
            return "push-" + pushId + "-recipients-" + DAY.format(now.atZone(reader.timeZone())) + ".csv";
        }
    }

    /**
     * Begins an export of the push's recipients, of {@code state} when given, for a reader of the push
     * (anyone else: not found); more than {@value #MAX_ROWS} is a 422. Recorded in the audit log.
     */
    @Transactional
    public Export start(Actor actor, UUID pushId, @Nullable String state, Locale locale) {
        String chosen = PushProgress.chosen(state);
        int rows = pushes.progress(actor, pushId).counts().entrySet().stream()
                .filter(e -> chosen == null || e.getKey().equals(chosen))
                .mapToInt(e -> e.getValue())
                .sum();
        if (rows > MAX_ROWS) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_CONTENT, "push-export-too-large", rows, MAX_ROWS);
        }
        events.publishEvent(new PushRecipientsExported(actor.orgId(), actor.memberId(), pushId, chosen, rows));
        return new Export(actor, pushId, chosen, rows, locale);
    }

    /** Writes the export's recipients in the order they were written, in CSV (UTF-8 with a byte order mark). */
    public void write(Export export, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        // the byte order mark tells Excel the file is UTF-8
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        csv.printRecord(List.of(
                text(export, "push.export.name"),
                text(export, "push.export.address"),
                text(export, "push.export.channel"),
                text(export, "push.export.state"),
                text(export, "push.export.reason"),
                text(export, "push.export.endedAt")));
        UUID after = null;
        int written = 0;
        List<RecipientQueries.Line> page;
        do {
            int limit = Math.min(PAGE, MAX_ROWS - written);
            page = recipients.lines(export.reader(), export.pushId(), export.state(), after, limit, export.locale());
            for (RecipientQueries.Line line : page) {
                csv.printRecord(cells(export, line));
                after = line.recipient().id();
            }
            written += page.size();
            csv.flush();
        } while (page.size() == PAGE && written < MAX_ROWS);
        csv.flush();
    }

    private List<String> cells(Export export, RecipientQueries.Line line) {
        Recipient r = line.recipient();
        List<String> cells = new ArrayList<>();
        cells.add(safe(name(export, r)));
        cells.add(safe(line.address() == null ? "" : line.address()));
        cells.add(text(export, "push.export.channel." + r.kind()));
        cells.add(text(export, "push.recipientState." + r.state()));
        cells.add(safe(r.reasonText() == null ? "" : r.reasonText()));
        cells.add(
                r.endedAt() == null
                        ? ""
                        : TIME.format(r.endedAt().atZone(export.reader().timeZone())));
        return cells;
    }

    private String name(Export export, Recipient r) {
        if (r.contactId() != null) {
            return r.contactName() != null ? r.contactName() : text(export, "push.hiddenContact");
        }
        if (r.targetName() != null) {
            return r.targetName();
        }
        return text(export, r.conversationId() != null ? "push.goneGroup" : "push.goneRobot");
    }

    /** A cell that a spreadsheet would take for a formula (=, +, -, @) starts with an apostrophe. */
    private static String safe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private String text(Export export, String key) {
        return messages.getMessage(key, null, export.locale());
    }
}
