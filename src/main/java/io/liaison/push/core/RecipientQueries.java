package io.liaison.push.core;

import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import io.liaison.shared.RecordNames;
import io.liaison.shared.StoredMessages;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private @Nullable String reasonText(@Nullable String reason) {
        if (reason == null) {
            return null;
        }
        String own = messages.getMessage("push.reason." + reason, null, null, LocaleContextHolder.getLocale());
        return own != null ? own : stored.read(reason);
    }

    private record Row(
            UUID id,
            String kind,
            @Nullable UUID contactId,
            @Nullable UUID conversationId,
            @Nullable UUID channelId,
            String state,
            @Nullable String reason,
            Timestamp createdAt,
            @Nullable Timestamp endedAt) {}

    /** At most {@code limit} recipients after {@code after} (null: the first), of {@code state} when given. */
    List<Recipient> page(Actor reader, UUID pushId, @Nullable String state, @Nullable UUID after, int limit) {
        List<Object> params = new ArrayList<>(List.of(reader.orgId(), pushId));
        String sql = """
                SELECT id, kind, contact_id, conversation_id, channel_id, state, reason, created_at, ended_at
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
        Map<UUID, String> contactNames = contacts.visibleNames(
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
                .map(r -> new Recipient(
                        r.id(),
                        r.kind(),
                        r.contactId(),
                        r.contactId() == null ? null : contactNames.get(r.contactId()),
                        r.conversationId(),
                        r.channelId(),
                        r.conversationId() != null
                                ? targetNames.get(r.conversationId())
                                : r.channelId() != null ? targetNames.get(r.channelId()) : null,
                        r.state(),
                        r.reason() == null || !r.reason().startsWith("{") ? r.reason() : "channel",
                        reasonText(r.reason()),
                        r.createdAt().toInstant(),
                        r.endedAt() == null ? null : r.endedAt().toInstant()))
                .toList();
    }
}
