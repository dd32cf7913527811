package io.liaison.demo;

import io.liaison.contact.ContactFilter;
import io.liaison.shared.CopyRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organization's mass pushes of the last year, one a week, each by e-mail to the contacts of a
 * tag (a popular tag gets more of them); and every contact's part: the pushes it received since it was
 * added (most sent, some reported delivered, a few failed), and for some an opt-out through the
 * e-mail's link, after which it gets no more. The pushes' own rows, with their audience sizes, are
 * written once every batch's recipients are.
 */
final class PushRows {

    static final int PER_YEAR = 52;

    /** The rows of one batch. */
    static final class Rows {
        final CopyRows recipients = new CopyRows(
                "push_recipient (org_id, push_id, id, kind, contact_id, address, state, reason, created_at, ended_at)",
                1 << 20);
        final CopyRows optOuts =
                new CopyRows("push_opt_out (org_id, contact_id, opted_out_at, via, recorded_by)", 1 << 12);
        final CopyRows consent = new CopyRows(
                "push_consent_change (org_id, id, contact_id, opted_out, via, actor_id, changed_at)", 1 << 12);

        void copy(DataSource dataSource) {
            recipients.copy(dataSource);
            optOuts.copy(dataSource);
            consent.copy(dataSource);
        }

        int recipients() {
            return recipients.count();
        }

        int optOuts() {
            return optOuts.count();
        }
    }

    /** One push: when it went out, by whom, to which tag; and how many recipients it got. */
    static final class Push {
        final UUID id;
        final long startedAt;
        final UUID sender;
        final OrgSetup.TagRef tag;
        int audience;

        Push(UUID id, long startedAt, UUID sender, OrgSetup.TagRef tag) {
            this.id = id;
            this.startedAt = startedAt;
            this.sender = sender;
            this.tag = tag;
        }

        String name() {
            return "「" + tag.name() + "」客户资讯";
        }

        String subject() {
            return tag.name() + "客户专享：本月新品与优惠";
        }

        String body() {
            return "尊敬的客户：\n\n本月新品已上架，" + tag.name() + "客户可享专属优惠，详情请回复此邮件或联系您的客户经理。\n\n如不希望再收到此类邮件，可点击下方链接退订。";
        }

        /** The audience as the push page shows it: every contact with the tag. */
        String filter(JsonMapper json) {
            return json.writeValueAsString(new ContactFilter(
                    null, List.of(tag.id()), true, null, null, null, null, null, null, null, null, null, Map.of()));
        }

        long finishedAt() {
            return startedAt + 10 * Stamps.MINUTE;
        }
    }

    private final UUID orgId;
    private final SplittableRandom random;
    private final long now;
    private final List<Push> pushes = new ArrayList<>();

    PushRows(UUID orgId, Weighted<UUID> senders, Weighted<OrgSetup.TagRef> tags, SplittableRandom random, long now) {
        this.orgId = orgId;
        this.random = random;
        this.now = now;
        long yearAgo = now - 365 * Stamps.DAY;
        for (int i = 0; i < PER_YEAR; i++) {
            long at = yearAgo + (long) (random.nextDouble() * (now - yearAgo - Stamps.HOUR));
            pushes.add(new Push(Stamps.idAt(at), at, senders.pick(random), tags.pick(random)));
        }
        pushes.sort(Comparator.comparingLong(p -> p.startedAt));
    }

    /** The pushes, their audiences counted over the batches written so far. */
    List<Push> pushes() {
        return pushes;
    }

    /** Writes the pushes {@code contact} received, and its opt-out if it made one. */
    void add(Planned contact, Rows rows) {
        String email = contact.email();
        if (email == null) {
            return;
        }
        long from = contact.created * 1000;
        long optedOut = Long.MAX_VALUE;
        if (random.nextInt(100) < 2) {
            long start = Math.max(from, now - 365 * Stamps.DAY);
            optedOut = start + (long) (random.nextDouble() * (now - start));
        }
        for (Push push : pushes) {
            if (push.startedAt < from
                    || push.startedAt > optedOut
                    || !contact.draft.tagIds().contains(push.tag.id())) {
                continue;
            }
            long ended = push.startedAt + random.nextInt(600_000);
            int r = random.nextInt(100);
            String state = r < 80 ? "sent" : r < 94 ? "delivered" : "failed";
            rows.recipients.add(
                    orgId,
                    push.id,
                    Stamps.idAt(push.startedAt),
                    "contact",
                    contact.id,
                    email,
                    state,
                    state.equals("failed") ? "550 5.1.1 mailbox unavailable" : null,
                    Instant.ofEpochMilli(push.startedAt),
                    Instant.ofEpochMilli(ended));
            push.audience++;
            if (!state.equals("failed")) {
                // An e-mail the mail server took is a contact with the contact (push's ContactsReached).
                contact.touched(ended);
            }
        }
        if (optedOut != Long.MAX_VALUE) {
            Instant at = Instant.ofEpochMilli(optedOut);
            rows.optOuts.add(orgId, contact.id, at, "link", null);
            rows.consent.add(orgId, Stamps.idAt(optedOut), contact.id, true, "link", null, at);
        }
    }
}
