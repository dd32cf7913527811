package io.liaison.analytics.figures;

import io.liaison.analytics.figures.FigureStore.Org;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each kind of change does to the figures, in the listener's transaction: the cells it touched
 * are named, from the event and the source rows, and recomputed. Each step reads the sources as they
 * are now, so running it twice, or after a later change, leaves the same rows.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class FigureUpdates {

    private final FigureStore store;
    private final JdbcClient jdbc;

    FigureUpdates(FigureStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /**
     * Contacts created, imported, trashed, restored, merged or linked to groups: their days, all of them,
     * and their owners' new and active contacts; when {@code ownersMoved} (another owner, a merge, a
     * purge) also the owners' opt-outs, before and after.
     */
    void contacts(UUID orgId, Collection<UUID> contactIds, boolean ownersMoved) {
        Optional<Org> org = store.lock(orgId);
        if (org.isEmpty() || contactIds.isEmpty()) {
            return;
        }
        Set<Cell> cells = store.contactDays(org.get(), FigureScope.of(Set.copyOf(contactIds)));
        store.memberDays(org.get(), MetricGroup.CONTACTS, cells);
        store.lastActivity(org.get(), contactIds);
        if (ownersMoved) {
            store.memberDays(org.get(), MetricGroup.OPT_OUTS, FigureScope.of(members(cells)));
        }
    }

    /** A contact purged: gone from its days and its owner's, and its follow-ups from their authors' days. */
    void purged(UUID orgId, UUID contactId) {
        Optional<Org> org = store.lock(orgId);
        if (org.isEmpty()) {
            return;
        }
        List<LocalDate> followedUp =
                jdbc.sql("""
                        SELECT day FROM analytics_contact_day WHERE org_id = ? AND contact_id = ? AND follow_ups > 0
                        """).params(orgId, contactId).query(LocalDate.class).list();
        contacts(orgId, List.of(contactId), true);
        for (LocalDate day : followedUp) {
            store.memberDays(org.get(), MetricGroup.FOLLOW_UPS, new FigureScope(null, day, day));
        }
    }

    /**
     * A follow-up recorded, changed or deleted by {@code authorId}: the contact's days and the author's
     * days it was and is on ({@code at}: its times before and after, from the event).
     */
    void followUp(UUID orgId, UUID contactId, UUID followUpId, @Nullable UUID authorId, List<Instant> at) {
        Optional<Org> org = store.lock(orgId);
        if (org.isEmpty()) {
            return;
        }
        Set<UUID> authors = new HashSet<>(jdbc.sql("SELECT author_id FROM follow_up WHERE org_id = ? AND id = ?")
                .params(orgId, followUpId)
                .query(UUID.class)
                .list());
        if (authorId != null) {
            authors.add(authorId);
        }
        List<Instant> times = new ArrayList<>(at);
        jdbc.sql("SELECT occurred_at FROM follow_up WHERE org_id = ? AND id = ?")
                .params(orgId, followUpId)
                .query(OffsetDateTime.class)
                .optional()
                .ifPresent(t -> times.add(t.toInstant()));
        if (times.isEmpty()) {
            // Nothing says which days: all of the contact's and the author's.
            contacts(orgId, List.of(contactId), false);
            store.memberDays(org.get(), MetricGroup.FOLLOW_UPS, FigureScope.of(authors));
            return;
        }
        List<LocalDate> days = store.days(org.get(), times).stream().sorted().toList();
        Set<Cell> contactCells = store.contactDays(
                org.get(), FigureScope.of(List.of(contactId), days.get(0), days.get(days.size() - 1)));
        store.memberDays(org.get(), MetricGroup.CONTACTS, contactCells);
        store.lastActivity(org.get(), List.of(contactId));
        Set<Cell> cells = new HashSet<>();
        for (UUID author : authors) {
            days.forEach(day -> cells.add(new Cell(author, day)));
        }
        store.memberDays(org.get(), MetricGroup.FOLLOW_UPS, cells);
    }

    /**
     * A message posted or recalled in a group: if the group is external, its day, the day of the
     * contacts it counts for (the guest's, or every contact linked to the group for a member's), the
     * author's messages sent, the group's owner's messages received and active groups, and the group's
     * questions from the last member's message before it.
     */
    void message(UUID orgId, UUID conversationId, UUID messageId, long seq) {
        Optional<Org> org = store.lock(orgId);
        if (org.isEmpty()) {
            return;
        }
        record Posted(
                UUID authorId,
                String authorKind,
                OffsetDateTime at,
                @Nullable UUID guestContactId,
                boolean recalled) {}
        Optional<Posted> posted = jdbc.sql("""
                        SELECT m.author_id, m.author_kind, m.created_at, g.contact_id, m.recalled_at IS NOT NULL
                          FROM chat_message m
                          JOIN conversation v ON v.org_id = m.org_id AND v.id = m.conversation_id AND v.kind = 'external'
                          LEFT JOIN guest g ON g.org_id = m.org_id AND g.id = m.author_id AND m.author_kind = 'guest'
                         WHERE m.org_id = ? AND m.id = ?
                        """)
                .params(orgId, messageId)
                .query((rs, n) -> new Posted(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, UUID.class),
                        rs.getBoolean(5)))
                .optional();
        if (posted.isEmpty()) {
            return;
        }
        Posted p = posted.get();
        LocalDate day =
                store.days(org.get(), List.of(p.at().toInstant())).iterator().next();
        FigureScope group = FigureScope.of(List.of(conversationId), day, day);
        store.memberDays(org.get(), MetricGroup.GROUPS, store.conversationDays(org.get(), group));
        List<UUID> contactIds = p.authorKind().equals("guest")
                ? (p.guestContactId() == null ? List.of() : List.of(p.guestContactId()))
                : jdbc.sql("SELECT contact_id FROM conversation_contact WHERE org_id = ? AND conversation_id = ?")
                        .params(orgId, conversationId)
                        .query(UUID.class)
                        .list();
        if (!contactIds.isEmpty()) {
            store.memberDays(
                    org.get(),
                    MetricGroup.CONTACTS,
                    store.contactDays(org.get(), FigureScope.of(contactIds, day, day)));
            store.lastActivity(org.get(), lastActiveMoved(orgId, contactIds, day, p.recalled()));
        }
        if (p.authorKind().equals("member")) {
            store.memberDays(org.get(), MetricGroup.MESSAGES_SENT, Set.of(new Cell(p.authorId(), day)));
        }
        long from = store.questionsFrom(org.get(), conversationId, seq);
        store.memberDays(
                org.get(),
                MetricGroup.REPLIES,
                store.replies(org.get(), FigureScope.of(List.of(conversationId)), from));
    }

    /** A group's owner may have changed: all of its days and questions move to the owner it has now. */
    void conversation(UUID orgId, UUID conversationId) {
        Optional<Org> org = store.lock(orgId);
        if (org.isEmpty()) {
            return;
        }
        FigureScope group = FigureScope.of(List.of(conversationId));
        store.memberDays(org.get(), MetricGroup.GROUPS, store.conversationDays(org.get(), group));
        store.memberDays(org.get(), MetricGroup.REPLIES, store.replies(org.get(), group, null));
    }

    /**
     * A push recipient ended, at {@code endedAt}: the sender's reached and failed pushes from the day the
     * push was made (a delivery that follows a send moves the recipient's day) to that day.
     */
    void pushEnded(UUID orgId, UUID pushId, UUID senderId, Instant endedAt) {
        Optional<Org> org = store.lock(orgId);
        if (org.isEmpty()) {
            return;
        }
        List<Instant> times = new ArrayList<>(List.of(endedAt));
        jdbc.sql("SELECT created_at FROM push WHERE org_id = ? AND id = ?")
                .params(orgId, pushId)
                .query(OffsetDateTime.class)
                .optional()
                .ifPresent(t -> times.add(t.toInstant()));
        List<LocalDate> days = store.days(org.get(), times).stream().sorted().toList();
        store.memberDays(
                org.get(), MetricGroup.PUSH, FigureScope.of(List.of(senderId), days.get(0), days.get(days.size() - 1)));
    }

    /** Tags added to or removed from contacts: their counts by tag move with them. */
    void tags(UUID orgId, Collection<UUID> contactIds) {
        Optional<Org> org = store.lock(orgId);
        if (org.isPresent()) {
            store.lastActivity(org.get(), contactIds);
        }
    }

    /** Tags deleted: the contacts that had them, as kept, lose them from their counts. */
    void tagsDeleted(UUID orgId, Collection<UUID> tagIds) {
        Optional<Org> org = store.lock(orgId);
        if (org.isPresent()) {
            store.lastActivity(
                    org.get(),
                    jdbc.sql("SELECT contact_id FROM analytics_contact_last WHERE org_id = ? AND tag_ids && ?")
                            .params(orgId, tagIds.toArray(UUID[]::new))
                            .query(UUID.class)
                            .list());
        }
    }

    /** A contact opted out or in: all the opt-outs of its owner (an opt-in leaves no day behind). */
    void optOut(UUID orgId, UUID contactId) {
        Optional<Org> org = store.lock(orgId);
        if (org.isEmpty()) {
            return;
        }
        List<UUID> owner = jdbc.sql("SELECT owner_id FROM contact WHERE org_id = ? AND id = ?")
                .params(orgId, contactId)
                .query(UUID.class)
                .list();
        store.memberDays(org.get(), MetricGroup.OPT_OUTS, FigureScope.of(owner));
    }

    /** A task completed, changed (reopened, other assignees or due time) or deleted. */
    void task(UUID orgId, UUID taskId) {
        Optional<Org> org = store.lock(orgId);
        if (org.isEmpty()) {
            return;
        }
        store.memberDays(org.get(), MetricGroup.TASKS, store.tasksDone(org.get(), FigureScope.of(List.of(taskId))));
    }

    /**
     * Of these contacts, those whose last active day a message on {@code day} moves: one that stands
     * makes it that day unless it is already that day or later; a recalled one can only take that day
     * away. (A contact not kept yet is always recomputed.)
     */
    private List<UUID> lastActiveMoved(UUID orgId, List<UUID> contactIds, LocalDate day, boolean recalled) {
        return jdbc.sql("""
                        SELECT c.id FROM unnest(CAST(? AS uuid[])) AS c (id)
                          LEFT JOIN analytics_contact_last l ON l.org_id = ? AND l.contact_id = c.id
                         WHERE l.contact_id IS NULL
                            OR CASE WHEN ? THEN l.last_active = ? ELSE l.last_active IS NULL OR l.last_active < ? END
                        """)
                .params(contactIds.toArray(UUID[]::new), orgId, recalled, day, day)
                .query(UUID.class)
                .list();
    }

    private static Set<UUID> members(Set<Cell> cells) {
        return cells.stream().map(Cell::memberId).collect(Collectors.toSet());
    }
}
