package io.liaison.push.core;

import io.liaison.access.Masking;
import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import io.liaison.shared.RecordNames;
import io.liaison.shared.StoredMessages;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A push's recipients page by page, in the order they were written, with the names their reader may see. */
@Repository
class RecipientQueries {

    private final JdbcClient jdbc;
    private final ContactAudience contacts;
    private final List<RecordNames> names;
    private final MessageSource messages;
    private final StoredMessages stored;

    RecipientQueries(
            JdbcClient jdbc,
            ContactAudience contacts,
            List<RecordNames> names,
            MessageSource messages,
            StoredMessages stored) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.names = names;
        this.messages = messages;
        this.stored = stored;
    }

    /** A reason in the reader's language: the push's own by its code, the delivery module's as it stored it. */
    private @Nullable String reasonText(@Nullable String reason, Locale locale) {
        if (reason == null) {
            return null;
        }
        String own = messages.getMessage("push.reason." + reason, null, null, locale);
        return own != null ? own : stored.text(stored.message(reason), locale);
    }

    /**
     * A recipient with its address as the reader sees it: a contact's e-mail in full or masked as on its
     * page, none for a contact the reader does not see, or for a group or robot.
     */
    record Line(Recipient recipient, @Nullable String address) {}

    private record Row(
            UUID id,
            String kind,
            @Nullable UUID contactId,
            @Nullable UUID conversationId,
            @Nullable UUID channelId,
            @Nullable String address,
            String state,
            @Nullable String reason,
            Timestamp createdAt,
            @Nullable Timestamp endedAt) {}

    /** At most {@code limit} recipients after {@code after} (null: the first), of {@code state} when given. */
    List<Recipient> page(Actor reader, UUID pushId, @Nullable String state, @Nullable UUID after, int limit) {
        return lines(reader, pushId, state, after, limit, LocaleContextHolder.getLocale()).stream()
                .map(Line::recipient)
                .toList();
    }

    /** {@link #page} with the addresses, its reasons in {@code locale}. */
    List<Line> lines(
            Actor reader, UUID pushId, @Nullable String state, @Nullable UUID after, int limit, Locale locale) {
        List<Object> params = new ArrayList<>(List.of(reader.orgId(), pushId));
        String sql = """
                SELECT id, kind, contact_id, conversation_id, channel_id, address, state, reason, created_at, ended_at
                  FROM push_recipient WHERE org_id = ? AND push_id = ?
                """;
        if (state != null) {
            sql += " AND state = ?";
            params.add(state);
        }
        if (after != null) {
            sql += " AND id > ?";
            params.add(after);
        }
        params.add(limit);
        List<Row> rows = jdbc.sql(sql + " ORDER BY id LIMIT ?")
                .params(params)
                .query(Row.class)
                .list();
        Map<UUID, ContactAudience.Seen> seen = contacts.visible(
                reader,
                rows.stream().map(Row::contactId).filter(Objects::nonNull).toList());
        Set<UUID> targets = new HashSet<>();
        rows.forEach(r -> {
            if (r.conversationId() != null) {
                targets.add(r.conversationId());
            }
            if (r.channelId() != null) {
                targets.add(r.channelId());
            }
        });
        Map<UUID, String> targetNames = targets.isEmpty() ? Map.of() : RecordNames.of(names, reader.orgId(), targets);
        return rows.stream()
                .map(r -> new Line(recipient(r, seen, targetNames, locale), address(r, seen)))
                .toList();
    }

    private static @Nullable String address(Row r, Map<UUID, ContactAudience.Seen> seen) {
        ContactAudience.Seen contact = r.contactId() == null ? null : seen.get(r.contactId());
        if (contact == null || r.address() == null) {
            return null;
        }
        return contact.detailsInFull() ? r.address() : Masking.email(r.address());
    }

    private Recipient recipient(
            Row r, Map<UUID, ContactAudience.Seen> seen, Map<UUID, String> targetNames, Locale locale) {
        ContactAudience.Seen contact = r.contactId() == null ? null : seen.get(r.contactId());
        return new Recipient(
                r.id(),
                r.kind(),
                r.contactId(),
                contact == null ? null : contact.name(),
                r.conversationId(),
                r.channelId(),
                r.conversationId() != null
                        ? targetNames.get(r.conversationId())
                        : r.channelId() != null ? targetNames.get(r.channelId()) : null,
                r.state(),
                r.reason() == null || !r.reason().startsWith("{") ? r.reason() : "channel",
                reasonText(r.reason(), locale),
                r.createdAt().toInstant(),
                r.endedAt() == null ? null : r.endedAt().toInstant());
    }
}
