package io.liaison.chat.history;

import io.liaison.chat.ChatUser;
import io.liaison.chat.ConversationExported;
import io.liaison.chat.conversation.ConversationRow;
import io.liaison.chat.conversation.ConversationService;
import io.liaison.shared.LiaisonException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's history as one file for its owner and admins: each message with its time in the reader's
 * zone, its author's name, its text (or that it was recalled) and its files' names, as plain text or
 * CSV. Starting an export checks the reader and the size and records it in the audit log; the file is
 * then written page by page as it streams, each page one short query.
 */
@Service
public class HistoryExport {

    public static final String TXT = "txt";
    public static final String CSV = "csv";
    static final int PAGE = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ConversationService conversations;
    private final HistoryRows rows;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final int maxMessages;

    HistoryExport(
            ConversationService conversations,
            HistoryRows rows,
            MessageSource messages,
            ApplicationEventPublisher events,
            HistorySettings settings) {
        this.conversations = conversations;
        this.rows = rows;
        this.messages = messages;
        this.events = events;
        this.maxMessages = settings.exportMaxMessages();
    }

    /** An export begun: what it holds (the messages up to {@code lastSeq}) and how it reads. */
    public record Export(
            UUID orgId, UUID conversationId, String title, String format, long lastSeq, ZoneId zone, Locale locale) {

        public String fileName(Instant now) {
            String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
            return name + "-" + DateTimeFormatter.ofPattern("yyyyMMdd").format(now.atZone(zone)) + "." + format;
        }

        public String mediaType() {
            return format.equals(CSV) ? "text/csv;charset=UTF-8" : "text/plain;charset=UTF-8";
        }
    }

    /**
     * Begins an export of the conversation for one of its owner and admins (anyone else in it 403, anyone
     * not in it 404), in {@code format} ({@code txt} when none), recorded in the audit log.
     */
    @Transactional
    public Export start(ChatUser user, UUID conversationId, @Nullable String format, Locale locale) {
        String chosen = format == null || format.isBlank() ? TXT : format;
        ConversationRow row = conversations.row(user, conversationId);
        if (!row.manages() || user.guest()) {
            throw LiaisonException.forbidden("forbidden.export-conversation");
        }
        if (!chosen.equals(TXT) && !chosen.equals(CSV)) {
            throw LiaisonException.invalid("format", "invalid.one-of", TXT + ", " + CSV);
        }
        if (row.lastSeq() > maxMessages) {
            throw new LiaisonException(
                    HttpStatus.UNPROCESSABLE_CONTENT, "export-too-large", row.lastSeq(), maxMessages);
        }
        events.publishEvent(new ConversationExported(user.orgId(), user.id(), conversationId, chosen, row.lastSeq()));
        String title = row.name() != null ? row.name() : messages.getMessage("history.export.direct", null, locale);
        return new Export(user.orgId(), conversationId, title, chosen, row.lastSeq(), user.zone(), locale);
    }

    /** Writes the export's messages, oldest first, to {@code out}. */
    public void write(Export export, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        boolean csv = export.format().equals(CSV);
        if (csv) {
            // the byte order mark tells Excel the file is UTF-8
            writer.write('\uFEFF');
            writer.write(csvLine(List.of(
                    text("history.export.column.seq", export),
                    text("history.export.column.time", export),
                    text("history.export.column.author", export),
                    text("history.export.column.text", export),
                    text("history.export.column.files", export),
                    text("history.export.column.state", export))));
        } else {
            writer.write(messages.getMessage(
                            "history.export.title",
                            new Object[] {
                                export.title(), export.lastSeq(), export.zone().getId()
                            },
                            export.locale())
                    + "\n");
        }
        long after = 0;
        List<HistoryRows.Line> page;
        do {
            page = rows.page(export.orgId(), export.conversationId(), after, export.lastSeq(), PAGE);
            for (HistoryRows.Line line : page) {
                writer.write(csv ? csvLine(cells(export, line)) : textLines(export, line));
                after = line.seq();
            }
            writer.flush();
        } while (page.size() == PAGE);
        writer.flush();
    }

    private List<String> cells(Export export, HistoryRows.Line line) {
        String state = line.recalled()
                ? text("history.export.recalled", export)
                : line.edited() ? text("history.export.edited", export) : "";
        return List.of(
                Long.toString(line.seq()),
                time(export, line.createdAt()),
                author(export, line),
                line.text() == null ? "" : line.text(),
                String.join(", ", line.files()),
                state);
    }

    private String textLines(Export export, HistoryRows.Line line) {
        StringBuilder out = new StringBuilder("\n[")
                .append(time(export, line.createdAt()))
                .append("] ")
                .append(author(export, line))
                .append('\n');
        if (line.recalled()) {
            out.append(text("history.export.recalled", export)).append('\n');
            return out.toString();
        }
        if (line.text() != null && !line.text().isEmpty()) {
            out.append(line.text().replace("\r\n", "\n")).append('\n');
        }
        if (!line.files().isEmpty()) {
            out.append(messages.getMessage(
                            "history.export.files", new Object[] {String.join(", ", line.files())}, export.locale()))
                    .append('\n');
        }
        return out.toString();
    }

    private String author(Export export, HistoryRows.Line line) {
        return line.author() != null ? line.author() : text("names.deleted.member", export);
    }

    private static String time(Export export, Instant at) {
        return TIME.format(at.atZone(export.zone()));
    }

    private String text(String key, Export export) {
        return messages.getMessage(key, null, export.locale());
    }

    /**
     * One CSV record (RFC 4180): a cell with a comma, quote or line break is quoted, and one that a
     * spreadsheet would take for a formula (=, +, -, @) starts with an apostrophe.
     */
    static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            line.append(i == 0 ? "" : ",").append(cell);
        }
        return line.append("\r\n").toString();
    }
}
