package io.liaison.task.event;

import io.liaison.shared.SqlFragment;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Calendar events with their attendees, read in one statement each; bound to one organization. */
@Repository
class EventRepository {

    private static final String SELECT = """
            SELECT e.id, e.uid, e.sequence, e.title, e.description, e.kind, e.start_at, e.end_at, e.time_zone,
                   e.all_day, e.place, e.link, e.status, e.reminders, e.created_by,
                   m.display_name AS created_by_name,
                   ARRAY(SELECT a.member_id FROM calendar_event_member a
                          WHERE a.org_id = e.org_id AND a.event_id = e.id ORDER BY a.member_id) AS member_ids,
                   ARRAY(SELECT k.contact_id FROM calendar_event_contact k
                          WHERE k.org_id = e.org_id AND k.event_id = e.id ORDER BY k.contact_id) AS contact_ids,
                   e.created_at, e.updated_at, e.version
              FROM calendar_event e
              JOIN member m ON m.org_id = e.org_id AND m.id = e.created_by
            """;

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID orgId, CalendarEvent e) {
        jdbc.sql("""
                        INSERT INTO calendar_event (org_id, id, uid, sequence, title, description, kind, start_at,
                                                    end_at, time_zone, all_day, place, link, reminders, created_by)
                        VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        orgId,
                        e.id(),
                        e.uid(),
                        e.title(),
                        e.description(),
                        e.kind(),
                        Timestamp.from(e.startAt()),
                        Timestamp.from(e.endAt()),
                        e.timeZone(),
                        e.allDay(),
                        e.place(),
                        e.link(),
                        e.reminders().toArray(String[]::new),
                        e.createdBy())
                .update();
        links(orgId, e);
    }

    /**
     * Writes the event's changed fields and attendees at {@code sequence}, when it is still at {@code
     * version}; false when another change came first.
     */
    boolean update(UUID orgId, CalendarEvent e, int version) {
        int changed = jdbc.sql("""
                        UPDATE calendar_event
                           SET sequence = ?, title = ?, description = ?, kind = ?, start_at = ?, end_at = ?,
                               time_zone = ?, all_day = ?, place = ?, link = ?, reminders = ?,
                               touched_at = CASE WHEN end_at = ? THEN touched_at END,
                               updated_at = now(), version = version + 1
                         WHERE org_id = ? AND id = ? AND version = ? AND status = 'confirmed'
                        """)
                .params(
                        e.sequence(),
                        e.title(),
                        e.description(),
                        e.kind(),
                        Timestamp.from(e.startAt()),
                        Timestamp.from(e.endAt()),
                        e.timeZone(),
                        e.allDay(),
                        e.place(),
                        e.link(),
                        e.reminders().toArray(String[]::new),
                        Timestamp.from(e.endAt()),
                        orgId,
                        e.id(),
                        version)
                .update();
        if (changed == 1) {
            links(orgId, e);
        }
        return changed == 1;
    }

    /** Calls the event off with one more sequence; false when it was cancelled already. */
    boolean cancel(UUID orgId, UUID id) {
        return jdbc.sql("""
                        UPDATE calendar_event SET status = 'cancelled', sequence = sequence + 1, updated_at = now(),
                               version = version + 1
                         WHERE org_id = ? AND id = ? AND status = 'confirmed'
                        """).params(orgId, id).update() == 1;
    }

    private void links(UUID orgId, CalendarEvent e) {
        jdbc.sql("DELETE FROM calendar_event_member WHERE org_id = ? AND event_id = ?")
                .params(orgId, e.id())
                .update();
        jdbc.sql("DELETE FROM calendar_event_contact WHERE org_id = ? AND event_id = ?")
                .params(orgId, e.id())
                .update();
        jdbc.sql("""
                        INSERT INTO calendar_event_member (org_id, event_id, member_id) SELECT ?, ?, unnest(?::uuid[])
                        """).params(orgId, e.id(), e.memberIds().toArray(UUID[]::new)).update();
        jdbc.sql("""
                        INSERT INTO calendar_event_contact (org_id, event_id, contact_id) SELECT ?, ?, unnest(?::uuid[])
                        """).params(orgId, e.id(), e.contactIds().toArray(UUID[]::new)).update();
    }

    /** The event when {@code visible} (over alias {@code e}) lets its reader see it. */
    Optional<CalendarEvent> find(UUID orgId, UUID id, SqlFragment visible) {
        List<Object> params = new ArrayList<>(List.of(orgId, id));
        params.addAll(visible.params());
        return jdbc.sql(SELECT + " WHERE e.org_id = ? AND e.id = ? AND " + visible.sql())
                .params(params)
                .query(this::row)
                .optional();
    }

    /** The event by id, whoever may see it: for the system's own work (reminders, the end of an event). */
    Optional<CalendarEvent> find(UUID orgId, UUID id) {
        return find(orgId, id, SqlFragment.of("TRUE"));
    }

    /** Those {@code visible} keeps that overlap [from, to), by start, at most {@code limit}. */
    List<CalendarEvent> overlapping(UUID orgId, SqlFragment visible, Instant from, Instant to, int limit) {
        List<Object> params = new ArrayList<>(List.of(orgId, Timestamp.from(to), Timestamp.from(from)));
        params.addAll(visible.params());
        params.add(limit);
        return jdbc.sql(SELECT + " WHERE e.org_id = ? AND e.start_at < ? AND e.end_at > ? AND " + visible.sql()
                        + " ORDER BY e.start_at, e.id LIMIT ?")
                .params(params)
                .query(this::row)
                .list();
    }

    /** Confirmed events that ended before {@code now} and have not yet touched their contacts. */
    List<Ended> endedUntouched(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT e.org_id, e.id, e.end_at FROM calendar_event e
                         WHERE e.status = 'confirmed' AND e.touched_at IS NULL AND e.end_at <= ?
                         ORDER BY e.end_at LIMIT ?
                        """)
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Ended(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** An event whose end is past, for the job that writes it to its contacts. */
    record Ended(UUID orgId, UUID id, Instant endAt) {}

    List<UUID> contactIds(UUID orgId, UUID eventId) {
        return jdbc.sql("SELECT contact_id FROM calendar_event_contact WHERE org_id = ? AND event_id = ?")
                .params(orgId, eventId)
                .query(UUID.class)
                .list();
    }

    void touched(UUID orgId, UUID eventId) {
        jdbc.sql("UPDATE calendar_event SET touched_at = now() WHERE org_id = ? AND id = ?")
                .params(orgId, eventId)
                .update();
    }

    private CalendarEvent row(ResultSet rs, int n) throws SQLException {
        return new CalendarEvent(
                rs.getObject("id", UUID.class),
                rs.getString("uid"),
                rs.getInt("sequence"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("kind"),
                rs.getTimestamp("start_at").toInstant(),
                rs.getTimestamp("end_at").toInstant(),
                rs.getString("time_zone"),
                rs.getBoolean("all_day"),
                rs.getString("place"),
                rs.getString("link"),
                rs.getString("status"),
                Arrays.asList((String[]) rs.getArray("reminders").getArray()),
                rs.getObject("created_by", UUID.class),
                rs.getString("created_by_name"),
                ids(rs.getArray("member_ids")),
                ids(rs.getArray("contact_ids")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static List<UUID> ids(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
