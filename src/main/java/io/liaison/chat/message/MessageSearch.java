package io.liaison.chat.message;

import io.liaison.chat.ChatUser;
import io.liaison.chat.conversation.ConversationService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds messages by a piece of their text across the conversations the user (a member or a guest) is in (or one of
 * them), newest first, as a piece of the text, case-insensitive: a Chinese word of one or two
 * characters is found inside longer text. {@link MessageIndex} finds them without reading the whole
 * history; an edit is indexed again with its row; recalled messages are never found.
 */
@Service
public class MessageSearch {

    public static final int MAX_QUERY = 100;

    private final MessageIndex index;
    private final ConversationService conversations;

    MessageSearch(MessageIndex index, ConversationService conversations) {
        this.index = index;
        this.conversations = conversations;
    }

    @Transactional(readOnly = true)
    public CursorPage<MessageRow> search(
            ChatUser user, @Nullable String q, @Nullable UUID conversationId, @Nullable String cursor, int limit) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty() || text.length() > MAX_QUERY) {
            throw LiaisonException.invalid("q", "invalid.length", 1, MAX_QUERY);
        }
        if (conversationId != null) {
            conversations.row(user, conversationId);
        }
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = CursorPage.parts(cursor, 2);
            try {
                beforeAt = Instant.parse(parts.get(0));
                beforeId = UUID.fromString(parts.get(1));
            } catch (IndexOutOfBoundsException | DateTimeParseException | IllegalArgumentException e) {
                throw LiaisonException.invalid("cursor", "invalid.cursor");
            }
        }
        List<MessageRow> rows =
                index.search(new MessageIndex.Scope(user, conversationId, beforeAt, beforeId), text, limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        MessageRow last = rows.get(limit - 1);
        return new CursorPage<>(
                List.copyOf(rows.subList(0, limit)),
                CursorPage.encode(last.createdAt().toString(), last.id().toString()));
    }
}
