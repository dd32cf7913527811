package io.liaison.chat.conversation;

import io.liaison.access.ContactAccess;
import io.liaison.chat.ChatUser;
import io.liaison.chat.ConversationContactsChanged;
import io.liaison.chat.ConversationCreated;
import io.liaison.chat.conversation.ConversationRow.GroupSettings;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, changes and dissolves conversations. A member or guest sees only the conversations
 * they are in (any other id is not found); only the owner and admins change a group, only the owner
 * dissolves it, and a guest changes nothing (403, saying so). A guest does not see what a group links
 * to (contacts, tags). A direct conversation is one per pair of members and never changes.
 */
@Service
public class ConversationService {

    public static final int MAX_NAME = 100;
    public static final int MAX_ANNOUNCEMENT = 2_000;
    public static final int MAX_LINKS = 50;
    public static final Set<String> PATCHABLE = Set.of("name", "announcement", "settings", "contactIds", "tagIds");
    static final Set<String> KINDS = Set.of("internal", "external", ConversationRow.DIRECT);

    private final ConversationRepository conversations;
    private final ParticipantRepository participants;
    private final ContactAccess access;
    private final ChatSettings settings;
    private final ApplicationEventPublisher events;

    ConversationService(
            ConversationRepository conversations,
            ParticipantRepository participants,
            ContactAccess access,
            ChatSettings settings,
            ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.participants = participants;
        this.access = access;
        this.settings = settings;
        this.events = events;
    }

    /** A conversation and what it links to, as the API shows it. */
    public record Conversation(ConversationRow row, List<UUID> contactIds, List<UUID> tagIds, boolean created) {}

    @Transactional(readOnly = true)
    public CursorPage<ConversationRow> mine(ChatUser user, @Nullable String cursor, int limit) {
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = CursorPage.parts(cursor, 2);
            try {
                afterAt = Instant.parse(parts.get(0));
                afterId = UUID.fromString(parts.get(1));
            } catch (IndexOutOfBoundsException | DateTimeParseException | IllegalArgumentException e) {
                throw LiaisonException.invalid("cursor", "invalid.cursor");
            }
        }
        List<ConversationRow> rows = conversations.mine(user, afterAt, afterId, limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        ConversationRow last = rows.get(limit - 1);
        Instant at = last.lastMessageAt() == null ? last.createdAt() : last.lastMessageAt();
        return new CursorPage<>(
                List.copyOf(rows.subList(0, limit)),
                CursorPage.encode(at.toString(), last.id().toString()));
    }

    /** The conversations of a page with what each links to. */
    @Transactional(readOnly = true)
    public List<Conversation> withLinks(ChatUser user, List<ConversationRow> rows) {
        List<UUID> ids = user.guest()
                ? List.of()
                : rows.stream().map(ConversationRow::id).toList();
        Map<UUID, List<UUID>> contacts = conversations.links(user.orgId(), ids, "contact");
        Map<UUID, List<UUID>> tags = conversations.links(user.orgId(), ids, "tag");
        return rows.stream()
                .map(r -> new Conversation(
                        r, contacts.getOrDefault(r.id(), List.of()), tags.getOrDefault(r.id(), List.of()), false))
                .toList();
    }

    /** A conversation the user is in; any other is not found. */
    @Transactional(readOnly = true)
    public Conversation get(ChatUser user, UUID id) {
        return withLinks(user, row(user, id), false);
    }

    /** A conversation the user is in, with their participation; any other is not found. */
    public ConversationRow row(ChatUser user, UUID id) {
        return conversations.find(user, id).orElseThrow(() -> LiaisonException.notFound("conversation", id));
    }

    /**
     * A conversation the user manages (owner or admin), locked for the change, not dissolved and
     * not direct. A guest is refused with a reason in a group they are in, as a member is.
     */
    ConversationRow managed(ChatUser user, UUID id) {
        ConversationRow row =
                conversations.lock(user, id).orElseThrow(() -> LiaisonException.notFound("conversation", id));
        user.asMember("forbidden.guest-manage");
        if (row.dissolvedAt() != null) {
            throw new LiaisonException(HttpStatus.CONFLICT, "conversation-dissolved");
        }
        if (row.direct()) {
            throw new LiaisonException(HttpStatus.CONFLICT, "direct-conversation");
        }
        if (!row.manages()) {
            throw LiaisonException.forbidden("forbidden.manage-conversation");
        }
        return row;
    }

    /**
     * Creates a conversation owned by the actor, with them and {@code memberIds} in it. A direct
     * conversation names exactly one other member; if the pair already has one, that one is answered.
     */
    @Transactional
    public Conversation create(ChatUser user, MergePatch body) {
        Actor actor = user.asMember("forbidden.guest-create");
        String kind = body.text("kind");
        if (kind == null || !KINDS.contains(kind)) {
            throw LiaisonException.invalid("kind", "invalid.one-of", "internal, external, direct");
        }
        Set<UUID> members = new LinkedHashSet<>(body.ids("memberIds", settings.maxParticipants()));
        members.remove(actor.memberId());
        if (kind.equals(ConversationRow.DIRECT)) {
            return direct(user, actor, body, members);
        }
        String name = name(body.text("name"));
        if (members.size() + 1 > settings.maxParticipants()) {
            throw tooManyParticipants(members.size() + 1);
        }
        requireMembers(actor, members);
        UUID id = Ids.newId();
        conversations.insert(actor.orgId(), id, kind, name, actor.memberId(), null);
        participants.add(actor.orgId(), id, List.of(actor.memberId()), ConversationRow.OWNER);
        participants.add(actor.orgId(), id, members, ConversationRow.MEMBER);
        ConversationRow row = row(user, id);
        ConversationRow changed = apply(actor, row, body);
        if (changed != row) {
            conversations.update(actor.orgId(), changed, row.version());
        }
        links(actor, id, kind, body);
        List<UUID> all = new ArrayList<>(List.of(actor.memberId()));
        all.addAll(members);
        events.publishEvent(new ConversationCreated(actor.orgId(), actor.memberId(), id, kind, name, all));
        return withLinks(user, row(user, id), true);
    }

    /** A JSON merge patch of name, announcement, settings and (of an external group) linked contacts and tags. */
    @Transactional
    public Conversation update(ChatUser user, UUID id, MergePatch patch, @Nullable Long expectedVersion) {
        ConversationRow current = managed(user, id);
        Actor actor = user.asMember("forbidden.guest-manage");
        LiaisonException.requireVersion(expectedVersion, current.version());
        if (patch.has("name")) {
            name(patch.text("name"));
        }
        ConversationRow changed = apply(actor, current, patch);
        if (!conversations.update(actor.orgId(), changed, current.version())) {
            throw LiaisonException.stale(current.version(), row(user, id).version());
        }
        links(actor, id, current.kind(), patch);
        events.publishEvent(new ConversationChanged(user.orgId(), id));
        return get(user, id);
    }

    /** Dissolves a group: its history stays readable to its participants, nothing more is posted or changed. */
    @Transactional
    public void dissolve(ChatUser user, UUID id, @Nullable Long expectedVersion) {
        ConversationRow current = managed(user, id);
        if (!current.role().equals(ConversationRow.OWNER)) {
            throw LiaisonException.forbidden("forbidden.dissolve-conversation");
        }
        LiaisonException.requireVersion(expectedVersion, current.version());
        if (!conversations.dissolve(user.orgId(), id, current.version())) {
            throw LiaisonException.stale(current.version(), row(user, id).version());
        }
        events.publishEvent(new ConversationChanged(user.orgId(), id));
    }

    LiaisonException tooManyParticipants(int count) {
        return new LiaisonException(HttpStatus.CONFLICT, "too-many-participants", settings.maxParticipants(), count);
    }

    /** Refuses ids that are not active members of the actor's organization, naming {@code memberIds}. */
    void requireMembers(Actor actor, Set<UUID> members) {
        if (!members.isEmpty()
                && new HashSet<>(participants.activeMembers(actor.orgId(), members)).size() != members.size()) {
            throw LiaisonException.invalid("memberIds", "invalid.chat-members");
        }
    }

    private Conversation direct(ChatUser user, Actor actor, MergePatch body, Set<UUID> members) {
        if (members.size() != 1) {
            throw LiaisonException.invalid("memberIds", "invalid.direct-members");
        }
        for (String field : List.of("name", "contactIds", "tagIds", "settings", "announcement")) {
            if (body.raw(field) != null) {
                throw LiaisonException.invalid(field, "invalid.direct-field");
            }
        }
        requireMembers(actor, members);
        UUID other = members.iterator().next();
        String key =
                actor.memberId().compareTo(other) < 0 ? actor.memberId() + ":" + other : other + ":" + actor.memberId();
        Optional<UUID> existing = conversations.direct(actor.orgId(), key);
        if (existing.isPresent()) {
            return get(user, existing.get());
        }
        UUID id = Ids.newId();
        conversations.insert(actor.orgId(), id, ConversationRow.DIRECT, null, actor.memberId(), key);
        participants.add(actor.orgId(), id, List.of(actor.memberId()), ConversationRow.OWNER);
        participants.add(actor.orgId(), id, List.of(other), ConversationRow.MEMBER);
        events.publishEvent(new ConversationCreated(
                actor.orgId(), actor.memberId(), id, ConversationRow.DIRECT, null, List.of(actor.memberId(), other)));
        return withLinks(user, row(user, id), true);
    }

    private ConversationRow apply(Actor actor, ConversationRow row, MergePatch patch) {
        if (!patch.has("name") && !patch.has("announcement") && patch.raw("settings") == null) {
            return row;
        }
        String announcement = row.announcement();
        UUID by = row.announcementBy();
        Instant at = row.announcementAt();
        if (patch.has("announcement")) {
            String text = patch.text("announcement");
            announcement = text == null || text.isBlank() ? null : text.strip();
            if (announcement != null && announcement.length() > MAX_ANNOUNCEMENT) {
                throw LiaisonException.invalid("announcement", "invalid.max-length", MAX_ANNOUNCEMENT);
            }
            by = announcement == null ? null : actor.memberId();
            at = announcement == null ? null : Instant.now();
        }
        return new ConversationRow(
                row.id(),
                row.kind(),
                patch.has("name") ? name(patch.text("name")) : row.name(),
                row.ownerId(),
                announcement,
                by,
                at,
                settings(row.settings(), patch.raw("settings")),
                row.lastSeq(),
                row.lastMessageAt(),
                row.createdAt(),
                row.dissolvedAt(),
                row.version(),
                row.role(),
                row.muted(),
                row.readSeq());
    }

    private static GroupSettings settings(GroupSettings current, @Nullable Object raw) {
        if (raw == null) {
            return current;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw LiaisonException.invalid("settings", "invalid.chat-settings");
        }
        return new GroupSettings(
                flag(map, "guestsSeeParticipants", current.guestsSeeParticipants()),
                flag(map, "guestsDownload", current.guestsDownload()),
                flag(map, "guestsMentionAll", current.guestsMentionAll()),
                flag(map, "guestsInvite", current.guestsInvite()),
                flag(map, "adminsOnlyPost", current.adminsOnlyPost()));
    }

    private static boolean flag(Map<?, ?> map, String name, boolean current) {
        Object value = map.get(name);
        if (value == null) {
            return current;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw LiaisonException.invalid("settings." + name, "invalid.boolean");
    }

    private void links(Actor actor, UUID id, String kind, MergePatch patch) {
        if (patch.has("contactIds")) {
            List<UUID> contactIds = List.copyOf(new LinkedHashSet<>(patch.ids("contactIds", MAX_LINKS)));
            if (!contactIds.isEmpty() && !kind.equals(ConversationRow.EXTERNAL)) {
                throw LiaisonException.invalid("contactIds", "invalid.contacts-external-only");
            }
            if (conversations
                            .visibleContacts(contactIds, access.visible(actor, "c"))
                            .size()
                    != contactIds.size()) {
                throw LiaisonException.invalid("contactIds", "invalid.chat-contacts");
            }
            List<UUID> before = conversations.contactIds(actor.orgId(), id);
            conversations.replaceContacts(actor.orgId(), id, contactIds);
            if (!Set.copyOf(before).equals(Set.copyOf(contactIds))) {
                events.publishEvent(new ConversationContactsChanged(actor.orgId(), id, before, contactIds));
            }
        }
        if (patch.has("tagIds")) {
            List<UUID> tagIds = List.copyOf(new LinkedHashSet<>(patch.ids("tagIds", MAX_LINKS)));
            if (conversations.tags(actor.orgId(), tagIds).size() != tagIds.size()) {
                throw LiaisonException.invalid("tagIds", "invalid.chat-tags");
            }
            conversations.replaceTags(actor.orgId(), id, tagIds);
        }
    }

    private Conversation withLinks(ChatUser user, ConversationRow row, boolean created) {
        return user.guest()
                ? new Conversation(row, List.of(), List.of(), created)
                : withLinks(user.orgId(), row, created);
    }

    private Conversation withLinks(UUID orgId, ConversationRow row, boolean created) {
        return new Conversation(
                row, conversations.contactIds(orgId, row.id()), conversations.tagIds(orgId, row.id()), created);
    }

    private static String name(@Nullable String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw LiaisonException.invalid("name", "invalid.length", 1, MAX_NAME);
        }
        return clean;
    }
}
