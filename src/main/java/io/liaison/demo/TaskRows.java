package io.liaison.demo;

import io.liaison.shared.CopyRows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Tasks about the contacts, made by their owners over the last year and assigned to them (now and then
 * to a colleague too), linked to the contact: most done, on time or late; some still open, a few of
 * them overdue; a few cancelled. The more active a contact, the more tasks.
 */
final class TaskRows {

    private static final String[] TITLES = {
        "给%s发报价单", "回访%s", "准备%s的合同", "与%s确认交货时间", "整理%s的需求", "约%s见面", "寄样品给%s", "跟进%s的付款"
    };

    /** The rows of one batch. */
    static final class Rows {
        final CopyRows tasks = new CopyRows(
                "task (org_id, id, title, priority, status, due_at, time_zone, created_by, completed_by, completed_at,"
                        + " created_at, updated_at)",
                1 << 18);
        final CopyRows assignees = new CopyRows("task_assignee (org_id, task_id, member_id)", 1 << 16);
        final CopyRows contacts = new CopyRows("task_contact (org_id, task_id, contact_id)", 1 << 16);

        void copy(DataSource dataSource) {
            tasks.copy(dataSource);
            assignees.copy(dataSource);
            contacts.copy(dataSource);
        }

        int tasks() {
            return tasks.count();
        }
    }

    private final UUID orgId;
    private final String zone;
    private final List<UUID> members;
    private final SplittableRandom random;
    private final long now;

    TaskRows(UUID orgId, ZoneId zone, List<UUID> members, SplittableRandom random, long now) {
        this.orgId = orgId;
        this.zone = zone.getId();
        this.members = members;
        this.random = random;
        this.now = now;
    }

    void add(Planned contact, Rows rows) {
        int count = switch (contact.level) {
            case VERY_ACTIVE -> random.nextInt(100) < 70 ? 1 + random.nextInt(4) : 0;
            case ACTIVE -> random.nextInt(100) < 30 ? 1 + random.nextInt(2) : 0;
            case QUIET -> random.nextInt(100) < 5 ? 1 : 0;
        };
        long start = contact.windowStart(now / 1000 - 365 * 24 * 3600L) * 1000;
        for (int i = 0; i < count; i++) {
            long created = start + (long) (random.nextDouble() * (now - start));
            long due = created + Stamps.HOUR + (long) (random.nextDouble() * 14 * Stamps.DAY);
            String status;
            @Nullable Long completed = null;
            int r = random.nextInt(100);
            if (r < 5) {
                status = "cancelled";
            } else if (due > now ? r < 20 : r < 85) {
                status = "done";
                // Two in three on time; late ones up to five days after their due time.
                long by = random.nextInt(3) < 2 ? due : due + Stamps.exponential(random, 1.5 * Stamps.DAY);
                completed = created + (long) (random.nextDouble() * (Math.min(by, now) - created));
                if (by > due) {
                    completed = Math.min(now, Math.max(completed, due + Stamps.MINUTE));
                }
            } else {
                status = "open";
            }
            UUID id = Stamps.idAt(created);
            UUID helper = members.get(random.nextInt(members.size()));
            boolean shared = random.nextInt(100) < 15 && !helper.equals(contact.owner);
            @Nullable
            UUID completedBy = completed == null ? null : shared && random.nextBoolean() ? helper : contact.owner;
            rows.tasks.add(
                    orgId,
                    id,
                    String.format(Details.pick(random, TITLES), contact.draft.name()),
                    random.nextInt(100) < 20 ? "high" : "normal",
                    status,
                    Instant.ofEpochMilli(due),
                    zone,
                    contact.owner,
                    completedBy,
                    completed == null ? null : Instant.ofEpochMilli(completed),
                    Instant.ofEpochMilli(created),
                    Instant.ofEpochMilli(completed == null ? created : completed));
            rows.assignees.add(orgId, id, contact.owner);
            if (shared) {
                rows.assignees.add(orgId, id, helper);
            }
            rows.contacts.add(orgId, id, contact.id);
        }
    }
}
