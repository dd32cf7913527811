package io.liaison.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a merge of contacts does to tasks, events and cadences: the links of the merged contacts
 * move to the survivor, and an undo moves exactly those back. Runs in the caller's transaction.
 */
@Component
public class TaskContactMerge {

    /** The kinds of link: a task's contact, an event's contact, a contact's cadence. */
    public static final String TASK = "task";

    public static final String EVENT = "event";
    public static final String CADENCE = "cadence";

    private final JdbcClient jdbc;

    TaskContactMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A link that left {@code contactId}: moved to the survivor, or dropped where the survivor had
     * the same link already (the undo puts it back); a cadence stays where the survivor has one.
     */
    public record MovedLink(String kind, UUID id, UUID contactId, boolean dropped) {}

    /** Moves the links of {@code fromIds} to {@code toId}; answers what moved. */
    public List<MovedLink> move(UUID orgId, Collection<UUID> fromIds, UUID toId) {
        List<MovedLink> moved = new ArrayList<>();
        for (UUID from : fromIds) {
            moved.addAll(moveLinks(TASK, "task_contact", "task_id", orgId, from, toId));
            moved.addAll(moveLinks(EVENT, "calendar_event_contact", "event_id", orgId, from, toId));
            jdbc.sql("""
                            UPDATE cadence SET contact_id = ? WHERE org_id = ? AND contact_id = ?
                               AND NOT EXISTS (SELECT 1 FROM cadence s WHERE s.org_id = ? AND s.contact_id = ?)
                            RETURNING id
                            """)
                    .params(toId, orgId, from, orgId, toId)
                    .query(UUID.class)
                    .list()
                    .forEach(id -> moved.add(new MovedLink(CADENCE, id, from, false)));
        }
        return moved;
    }

    /** Moves back what {@link #move} answered, as far as it is still on {@code toId}. */
    public void moveBack(UUID orgId, UUID toId, List<MovedLink> moved) {
        for (MovedLink link : moved) {
            switch (link.kind()) {
                case TASK -> back("task_contact", "task_id", orgId, toId, link);
                case EVENT -> back("calendar_event_contact", "event_id", orgId, toId, link);
                case CADENCE ->
                    jdbc.sql("UPDATE cadence SET contact_id = ? WHERE org_id = ? AND id = ? AND contact_id = ?")
                            .params(link.contactId(), orgId, link.id(), toId)
                            .update();
                default -> throw new IllegalArgumentException(link.kind());
            }
        }
    }

    private List<MovedLink> moveLinks(String kind, String table, String column, UUID orgId, UUID from, UUID to) {
        List<MovedLink> links = new ArrayList<>();
        jdbc.sql("DELETE FROM " + table + " t WHERE org_id = ? AND contact_id = ? AND EXISTS (SELECT 1 FROM " + table
                        + " s WHERE s.org_id = t.org_id AND s." + column + " = t." + column + " AND s.contact_id = ?)"
                        + " RETURNING " + column)
                .params(orgId, from, to)
                .query(UUID.class)
                .list()
                .forEach(id -> links.add(new MovedLink(kind, id, from, true)));
        jdbc.sql("UPDATE " + table + " SET contact_id = ? WHERE org_id = ? AND contact_id = ? RETURNING " + column)
                .params(to, orgId, from)
                .query(UUID.class)
                .list()
                .forEach(id -> links.add(new MovedLink(kind, id, from, false)));
        return links;
    }

    private void back(String table, String column, UUID orgId, UUID to, MovedLink link) {
        if (link.dropped()) {
            jdbc.sql("INSERT INTO " + table + " (org_id, " + column + ", contact_id) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .params(orgId, link.id(), link.contactId())
                    .update();
        } else {
            jdbc.sql("UPDATE " + table + " SET contact_id = ? WHERE org_id = ? AND " + column
                            + " = ? AND contact_id = ?")
                    .params(link.contactId(), orgId, link.id(), to)
                    .update();
        }
    }
}
