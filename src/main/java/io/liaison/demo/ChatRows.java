package io.liaison.demo;

import io.liaison.shared.CopyRows;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * External groups of the contacts of a batch: a contact who talks with its owner in a customer group
 * is a guest there. Half the very active contacts are, few active ones and hardly any quiet ones; a
 * group links one to three contacts of the same owner. Messages come in conversations: a guest asks,
 * a member answers minutes or hours later (or not), a few more lines follow; some groups talk daily,
 * most now and then. The rows are the chat module's own: sequence numbers per conversation, the
 * conversation's last one, read positions, and the activity per day that its pages read.
 */
final class ChatRows {

    private static final String[] GUEST_TEXTS = {
        "你好，请问报价出来了吗？",
        "收到，谢谢",
        "好的",
        "谢谢",
        "这个型号还有货吗？",
        "发票什么时候能开？",
        "价格能再优惠一点吗？",
        "货已经收到了",
        "合同我们这边已经盖章",
        "明天下午方便通话吗？",
        "请把资料再发一份",
        "好的收到",
        "Thanks, received.",
        "Could you send the latest price list?"
    };
    private static final String[] MEMBER_TEXTS = {
        "您好，报价单已发到您的邮箱",
        "好的，马上安排",
        "收到",
        "这个型号有现货，明天可以发货",
        "发票今天开出",
        "稍等，我确认一下",
        "合同扫描件已上传到群文件",
        "物流单号稍后发您",
        "谢谢支持！",
        "周三下午三点可以吗？",
        "好的，没问题",
        "Sure, I will send it today."
    };

    /** The rows of one batch, in the order of their keys. */
    static final class Rows {
        final CopyRows conversations = new CopyRows(
                "conversation (org_id, id, kind, name, owner_id, last_seq, last_message_at, created_by, created_at, updated_at)",
                1 << 14);
        final CopyRows links = new CopyRows("conversation_contact (org_id, conversation_id, contact_id)", 1 << 14);
        final CopyRows guests =
                new CopyRows("guest (org_id, id, contact_id, display_name, login, password_hash, created_at)", 1 << 15);
        final CopyRows participants = new CopyRows(
                "conversation_participant (org_id, conversation_id, id, member_id, guest_id, role, read_seq, joined_at)",
                1 << 15);
        final CopyRows messages = new CopyRows(
                "chat_message (org_id, conversation_id, id, seq, author_id, author_kind, text, html, recalled_at, created_at)",
                1 << 20);
        final CopyRows days =
                new CopyRows("chat_day (org_id, conversation_id, day, first_seq, last_seq, last_at)", 1 << 16);
        final CopyRows contactDays =
                new CopyRows("chat_day_contact (org_id, contact_id, conversation_id, day, messages)", 1 << 16);

        void copy(DataSource dataSource) {
            for (CopyRows rows : List.of(conversations, links, guests, participants, messages, days, contactDays)) {
                rows.copy(dataSource);
            }
        }

        int groups() {
            return conversations.count();
        }

        int messages() {
            return messages.count();
        }
    }

    private record Guest(UUID id, Planned contact) {}

    private final UUID orgId;
    private final ZoneId zone;
    private final Weighted<UUID> busy;
    private final SplittableRandom random;
    private final long now;
    private final long yearAgo;
    private final String passwordHash;

    ChatRows(UUID orgId, ZoneId zone, Weighted<UUID> busy, SplittableRandom random, long now) {
        this.orgId = orgId;
        this.zone = zone;
        this.busy = busy;
        this.random = random;
        this.now = now;
        this.yearAgo = now - 365 * Stamps.DAY;
        // Guests log in with a password of their own; the demo's is one nobody knows.
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.passwordHash = "{bcrypt}"
                + new BCryptPasswordEncoder().encode(java.util.HexFormat.of().formatHex(secret));
    }

    /** Makes the groups of the batch's contacts who are guests somewhere, with their messages. */
    void add(List<Planned> contacts, Rows rows) {
        Map<UUID, List<Planned>> waiting = new LinkedHashMap<>();
        Map<UUID, Integer> sizes = new HashMap<>();
        for (Planned contact : contacts) {
            if (!guest(contact)) {
                continue;
            }
            List<Planned> group = waiting.computeIfAbsent(contact.owner, o -> new ArrayList<>());
            group.add(contact);
            int size = sizes.computeIfAbsent(contact.owner, o -> groupSize());
            if (group.size() >= size) {
                group(List.copyOf(group), rows);
                group.clear();
                sizes.remove(contact.owner);
            }
        }
        for (List<Planned> group : waiting.values()) {
            if (!group.isEmpty()) {
                group(group, rows);
            }
        }
    }

    private boolean guest(Planned contact) {
        if (now - contact.windowStart(yearAgo / 1000) * 1000 < 2 * Stamps.DAY) {
            return false;
        }
        int percent = random.nextInt(1000);
        return switch (contact.level) {
            case VERY_ACTIVE -> percent < 500;
            case ACTIVE -> percent < 60;
            case QUIET -> percent < 3;
        };
    }

    private int groupSize() {
        int r = random.nextInt(10);
        return r < 6 ? 1 : r < 9 ? 2 : 3;
    }

    private void group(List<Planned> contacts, Rows rows) {
        long start = yearAgo;
        for (Planned contact : contacts) {
            start = Math.max(start, contact.created * 1000);
        }
        double u = random.nextDouble();
        long created = start + (long) (u * u * 0.5 * (now - start));
        UUID id = Stamps.idAt(created);
        Planned first = contacts.get(0);
        UUID owner = first.owner;
        String company = first.draft.company();
        String name = (company != null ? company : first.draft.name()) + "客户群";
        List<UUID> staff = new ArrayList<>(List.of(owner));
        UUID colleague = busy.pick(random);
        if (random.nextInt(100) < 40 && !colleague.equals(owner)) {
            staff.add(colleague);
        }
        List<Guest> guests = new ArrayList<>();
        for (Planned contact : contacts) {
            UUID guest = Stamps.idAt(created);
            guests.add(new Guest(guest, contact));
            String email = contact.email();
            rows.guests.add(
                    orgId,
                    guest,
                    contact.id,
                    contact.draft.name(),
                    email != null ? email : "guest-" + contact.id,
                    passwordHash,
                    Instant.ofEpochMilli(created));
            rows.links.add(orgId, id, contact.id);
        }
        long[] last = messages(id, staff, guests, created, rows);
        long seq = last[0];
        long lastAt = last[1];
        rows.conversations.add(
                orgId,
                id,
                "external",
                name.length() > 100 ? name.substring(0, 100) : name,
                owner,
                seq,
                seq == 0 ? null : Stamps.at(lastAt),
                owner,
                Instant.ofEpochMilli(created),
                Instant.ofEpochMilli(seq == 0 ? created : lastAt));
        for (int i = 0; i < staff.size(); i++) {
            // A quarter of the owners have not read the latest messages yet.
            long read = i == 0 && random.nextInt(4) == 0 ? Math.max(0, seq - 1 - random.nextInt(5)) : seq;
            rows.participants.add(
                    orgId,
                    id,
                    Stamps.idAt(created),
                    staff.get(i),
                    null,
                    i == 0 ? "owner" : "admin",
                    read,
                    Instant.ofEpochMilli(created));
        }
        for (Guest guest : guests) {
            rows.participants.add(
                    orgId, id, Stamps.idAt(created), null, guest.id(), "member", seq, Instant.ofEpochMilli(created));
        }
    }

    /**
     * Writes the group's messages and its activity per day; answers the last sequence number and the
     * last message's time. A member's message reaches every guest, a guest's own message its contact.
     */
    private long[] messages(UUID conversation, List<UUID> staff, List<Guest> guests, long created, Rows rows) {
        double share = Math.max(0.05, (now - created) / (365.0 * Stamps.DAY));
        int total = (int) (Math.min(4000, 50 / Math.pow(1 - random.nextDouble(), 0.85)) * share);
        double sessions = Math.max(1, total / 4.0);
        double pause = (now - created) / sessions;
        long t = created + Stamps.HOUR + Stamps.exponential(random, pause / 2);
        long seq = 0;
        long lastAt = created;
        Day day = new Day(conversation);
        while (seq < total && t < now) {
            boolean byGuest = random.nextInt(100) < 65;
            int length = 1 + (int) Stamps.exponential(random, 3);
            for (int i = 0; i < length && seq < total && t < now; i++) {
                seq++;
                @Nullable Guest guest = byGuest ? guests.get(random.nextInt(guests.size())) : null;
                UUID author = guest != null
                        ? guest.id()
                        : staff.get(random.nextInt(10) < 7 ? 0 : random.nextInt(staff.size()));
                String text = Details.pick(random, guest != null ? GUEST_TEXTS : MEMBER_TEXTS);
                boolean recalled = random.nextInt(100) == 0;
                rows.messages.add(
                        orgId,
                        conversation,
                        Stamps.idAt(t),
                        seq,
                        author,
                        guest != null ? "guest" : "member",
                        recalled ? null : text,
                        recalled ? null : "<p>" + text + "</p>",
                        recalled ? Instant.ofEpochMilli(t + 30_000) : null,
                        Instant.ofEpochMilli(t));
                day.message(seq, t, guest == null ? null : guest.contact(), rows);
                if (guest != null) {
                    guest.contact().touched(t);
                } else {
                    for (Guest g : guests) {
                        g.contact().touched(t);
                    }
                }
                lastAt = t;
                // The other side speaks next (after a while) or the same side adds a line.
                boolean otherSide = random.nextInt(100) < (byGuest ? 80 : 55);
                t += otherSide ? replyDelay() : 20_000 + random.nextInt(240_000);
                byGuest = otherSide != byGuest;
            }
            t += Math.max(Stamps.HOUR, Stamps.exponential(random, pause));
        }
        day.end(rows);
        return new long[] {seq, lastAt};
    }

    /** How long the other side takes to answer: mostly minutes, sometimes hours, now and then a day. */
    private long replyDelay() {
        int r = random.nextInt(100);
        double mean = r < 70 ? 5 * Stamps.MINUTE : r < 95 ? 2 * Stamps.HOUR : Stamps.DAY;
        return 10_000 + Stamps.exponential(random, mean);
    }

    /** The conversation's activity on the day being written, in the organization's days. */
    private final class Day {
        private final UUID conversation;
        private LocalDate day = LocalDate.MIN;
        private long firstSeq;
        private long lastSeq;
        private long lastAt;
        private final Map<UUID, Integer> byContact = new LinkedHashMap<>();

        Day(UUID conversation) {
            this.conversation = conversation;
        }

        void message(long seq, long at, @Nullable Planned guestContact, Rows rows) {
            LocalDate of = LocalDate.ofInstant(Instant.ofEpochMilli(at), zone);
            if (!of.equals(day)) {
                end(rows);
                day = of;
                firstSeq = seq;
            }
            lastSeq = seq;
            lastAt = at;
            if (guestContact != null) {
                byContact.merge(guestContact.id, 1, Integer::sum);
            }
        }

        void end(Rows rows) {
            if (firstSeq == 0) {
                return;
            }
            rows.days.add(orgId, conversation, day, firstSeq, lastSeq, Instant.ofEpochMilli(lastAt));
            byContact.forEach((contact, count) -> rows.contactDays.add(orgId, contact, conversation, day, count));
            byContact.clear();
            firstSeq = 0;
        }
    }
}
