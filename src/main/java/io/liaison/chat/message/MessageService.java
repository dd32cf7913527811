package io.liaison.chat.message;

import io.liaison.chat.ChatFile;
import io.liaison.chat.ChatFiles;
import io.liaison.chat.ChatUser;
import io.liaison.chat.MessageEdited;
import io.liaison.chat.MessagePosted;
import io.liaison.chat.MessageRecalled;
import io.liaison.chat.conversation.ChatSettings;
import io.liaison.chat.conversation.ConversationRow;
import io.liaison.chat.conversation.ConversationService;
import io.liaison.chat.conversation.ParticipantService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts, lists, edits and recalls the messages of a conversation, for its participants only, members
 * and guests alike (a guest's message has the author kind {@code guest}). Each message takes the
 * conversation's next sequence number in its own transaction; read state is one number per
 * participant. Muted participants and, in announcement mode, all but the owner and admins do not
 * post; a guest mentions everyone (@all) only where the group allows it.
 */
@Service
public class MessageService {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_MENTIONS = 100;
    public static final int MAX_FILES = 10;

    private final MessageRepository messages;
    private final ConversationService conversations;
    private final ParticipantService participants;
    private final ObjectProvider<ChatFiles> files;
    private final Duration recallWindow;
    private final ApplicationEventPublisher events;

    MessageService(
            MessageRepository messages,
            ConversationService conversations,
            ParticipantService participants,
            ObjectProvider<ChatFiles> files,
            ChatSettings settings,
            ApplicationEventPublisher events) {
        this.messages = messages;
        this.conversations = conversations;
        this.participants = participants;
        this.files = files;
        this.recallWindow = settings.recallWindow();
        this.events = events;
    }

    /** A new message: Markdown text, the message it replies to, the mentions and the attached files. */
    public record NewMessage(
            @Nullable String text, @Nullable UUID replyTo, List<String> mentions, List<UUID> fileIds) {}

    @Transactional
    public MessageRow post(ChatUser user, UUID conversationId, NewMessage message) {
        ConversationRow row = writable(user, conversationId);
        if (row.muted()) {
            throw LiaisonException.forbidden("forbidden.post-muted");
        }
        if (row.settings().adminsOnlyPost() && !row.manages()) {
            throw LiaisonException.forbidden("forbidden.post-admins-only");
        }
        if (message.fileIds().size() > MAX_FILES) {
            throw LiaisonException.tooMany("fileIds", MAX_FILES);
        }
        List<UUID> fileIds = message.fileIds().isEmpty() ? List.of() : attachable(user, message.fileIds());
        String text = message.text() == null ? "" : message.text().strip();
        if ((text.isEmpty() && fileIds.isEmpty()) || text.length() > MAX_TEXT) {
            throw LiaisonException.invalid("text", "invalid.length", 1, MAX_TEXT);
        }
        if (message.replyTo() != null
                && messages.find(user.orgId(), conversationId, message.replyTo())
                        .isEmpty()) {
            throw LiaisonException.invalid("replyTo", "invalid.reply-to");
        }
        Mentions mentions = mentions(user, row, message.mentions());
        long seq = messages.nextSeq(user.orgId(), conversationId)
                .orElseThrow(() -> new LiaisonException(HttpStatus.CONFLICT, "conversation-dissolved"));
        UUID id = Ids.newId();
        MessageRow posted = new MessageRow(
                id,
                conversationId,
                seq,
                user.id(),
                user.kind(),
                user.displayName(),
                text,
                MessageText.html(text),
                message.replyTo(),
                List.of(),
                fileIds,
                null,
                null,
                Instant.now());
        messages.insert(user.orgId(), posted, mentions.ids(), mentions.all());
        participants.markPostedRead(user, conversationId, seq);
        events.publishEvent(new MessagePosted(
                user.orgId(), conversationId, id, seq, user.id(), user.kind(), mentions.ids(), mentions.all()));
        return get(user, conversationId, id);
    }

    /**
     * A page of messages: after {@code afterSeq} oldest first (catching up), else newest first from
     * the cursor back.
     */
    @Transactional(readOnly = true)
    public CursorPage<MessageRow> page(
            ChatUser user, UUID conversationId, @Nullable Long afterSeq, @Nullable String cursor, int limit) {
        conversations.row(user, conversationId);
        if (afterSeq != null) {
            if (afterSeq < 0) {
                throw LiaisonException.invalid("afterSeq", "invalid.chat-seq");
            }
            List<MessageRow> rows = messages.after(user.orgId(), conversationId, afterSeq, limit);
            return new CursorPage<>(rows, null);
        }
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = CursorPage.parts(cursor, 1);
            try {
                before = Long.parseLong(parts.get(0));
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                throw LiaisonException.invalid("cursor", "invalid.cursor");
            }
        }
        List<MessageRow> rows = messages.before(user.orgId(), conversationId, before, limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<MessageRow> page = List.copyOf(rows.subList(0, limit));
        return new CursorPage<>(
                page, CursorPage.encode(Long.toString(page.get(limit - 1).seq())));
    }

    @Transactional(readOnly = true)
    public MessageRow get(ChatUser user, UUID conversationId, UUID id) {
        conversations.row(user, conversationId);
        return messages.find(user.orgId(), conversationId, id)
                .orElseThrow(() -> LiaisonException.notFound("message", id));
    }

    /** The author changes their message's text and mentions; a recalled message cannot change. */
    @Transactional
    public MessageRow edit(ChatUser user, UUID conversationId, UUID id, @Nullable String text, List<String> mentions) {
        ConversationRow row = writable(user, conversationId);
        MessageRow current = own(user, conversationId, id, "forbidden.edit-message");
        String clean = text == null ? "" : text.strip();
        if ((clean.isEmpty() && current.fileIds().isEmpty()) || clean.length() > MAX_TEXT) {
            throw LiaisonException.invalid("text", "invalid.length", 1, MAX_TEXT);
        }
        Mentions parsed = mentions(user, row, mentions);
        messages.edit(user.orgId(), id, clean, MessageText.html(clean), parsed.ids(), parsed.all());
        events.publishEvent(new MessageEdited(user.orgId(), conversationId, id, current.seq(), user.id()));
        return get(user, conversationId, id);
    }

    /** The author recalls their message within the recall window: everyone sees it recalled. */
    @Transactional
    public MessageRow recall(ChatUser user, UUID conversationId, UUID id) {
        conversations.row(user, conversationId);
        MessageRow current = own(user, conversationId, id, "forbidden.recall-message");
        if (!messages.recall(user.orgId(), id, Instant.now().minus(recallWindow))) {
            throw new LiaisonException(HttpStatus.CONFLICT, "recall-window-passed", recallWindow.toMinutes());
        }
        events.publishEvent(new MessageRecalled(user.orgId(), conversationId, id, current.seq(), user.id()));
        return get(user, conversationId, id);
    }

    /** Marks the conversation read up to {@code seq}; a lower number than before changes nothing. */
    @Transactional
    public void read(ChatUser user, UUID conversationId, long seq) {
        ConversationRow row = conversations.row(user, conversationId);
        if (seq < 0 || seq > row.lastSeq()) {
            throw LiaisonException.invalid("seq", "invalid.between", 0, row.lastSeq());
        }
        participants.markRead(user, conversationId, seq);
    }

    /** The latest message of each of these conversations (ones the user is in). */
    @Transactional(readOnly = true)
    public List<MessageRow> latest(ChatUser user, Collection<ConversationRow> rows) {
        List<UUID> ids = rows.stream()
                .filter(r -> r.lastSeq() > 0)
                .map(ConversationRow::id)
                .toList();
        return ids.isEmpty() ? List.of() : messages.latest(user.orgId(), ids);
    }

    private ConversationRow writable(ChatUser user, UUID conversationId) {
        ConversationRow row = conversations.row(user, conversationId);
        if (row.dissolvedAt() != null) {
            throw new LiaisonException(HttpStatus.CONFLICT, "conversation-dissolved");
        }
        return row;
    }

    private MessageRow own(ChatUser user, UUID conversationId, UUID id, String forbidden) {
        MessageRow current = messages.find(user.orgId(), conversationId, id)
                .orElseThrow(() -> LiaisonException.notFound("message", id));
        if (!current.authorId().equals(user.id()) || !current.authorKind().equals(user.kind())) {
            throw LiaisonException.forbidden(forbidden);
        }
        if (current.recalledAt() != null) {
            throw new LiaisonException(HttpStatus.CONFLICT, "message-recalled");
        }
        return current;
    }

    private List<UUID> attachable(ChatUser user, List<UUID> fileIds) {
        ChatFiles store = files.getIfAvailable();
        if (store == null) {
            throw LiaisonException.invalid("fileIds", "invalid.chat-files");
        }
        return store.attachable(user, fileIds).stream().map(ChatFile::id).toList();
    }

    private record Mentions(List<UUID> ids, boolean all) {}

    /**
     * Mentions of current participants by member id, and {@code all}; anything else names {@code
     * mentions}. A guest's @all is refused where the group's guests may not mention everyone.
     */
    private Mentions mentions(ChatUser user, ConversationRow row, List<String> given) {
        if (given.size() > MAX_MENTIONS) {
            throw LiaisonException.tooMany("mentions", MAX_MENTIONS);
        }
        if (given.isEmpty()) {
            return new Mentions(List.of(), false);
        }
        if (user.guest() && !row.settings().guestsMentionAll() && given.contains(MessageRow.ALL)) {
            throw LiaisonException.forbidden("forbidden.guest-mention-all");
        }
        Set<UUID> members = participants.memberIds(user, row.id());
        Set<UUID> ids = new LinkedHashSet<>();
        boolean all = false;
        for (String mention : given) {
            if (mention.equals(MessageRow.ALL)) {
                all = true;
                continue;
            }
            UUID id;
            try {
                id = UUID.fromString(mention);
            } catch (IllegalArgumentException e) {
                throw LiaisonException.invalid("mentions", "invalid.mentions");
            }
            if (!members.contains(id)) {
                throw LiaisonException.invalid("mentions", "invalid.mentions");
            }
            ids.add(id);
        }
        return new Mentions(new ArrayList<>(ids), all);
    }
}
