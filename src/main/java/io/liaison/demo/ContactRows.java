package io.liaison.demo;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.contact.ContactCopy;
import io.liaison.shared.CopyRows;
import io.liaison.shared.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes up contacts one batch at a time, as rows of contact's bulk writer ({@link ContactCopy}), and
 * what happened around them: follow-ups, external groups and their messages ({@link ChatRows}), pushes
 * ({@link PushRows}) and tasks ({@link TaskRows}). Every value comes from the seeded random, except the
 * ids (UUIDv7, time-ordered like the application's own). A contact's row is written after its events,
 * so that its last contact is the latest of them. Mobiles and e-mails already taken in the
 * organization, or earlier in this run, are never handed out again.
 */
final class ContactRows {

    /** A batch ready to send, with what it holds: its contacts, then their events in the order of their keys. */
    static final class Batch {
        final ContactCopy contacts;
        final CopyRows followUps = new CopyRows(
                "follow_up (id, org_id, contact_id, type, content, occurred_at, author_id, created_at, updated_at)",
                1 << 18);
        final ChatRows.Rows chat = new ChatRows.Rows();
        final PushRows.Rows pushes = new PushRows.Rows();
        final TaskRows.Rows tasks = new TaskRows.Rows();
        int emails;
        int tags;

        Batch(ContactCopy contacts) {
            this.contacts = contacts;
        }

        /** Sends the rows in the caller's transaction, contacts first, and starts empty again. */
        void copy(DataSource dataSource) {
            contacts.copy(dataSource);
            followUps.copy(dataSource);
            chat.copy(dataSource);
            pushes.copy(dataSource);
            tasks.copy(dataSource);
        }
    }

    /** Mobile prefixes of China's three carriers and their sub-brands (all 1[3-9]x). */
    private static final int[] PREFIXES = {
        130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 147, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 173,
        175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 191, 198, 199
    };
    // Reserved for documentation (RFC 2606 and the like): realistic, but never anyone's real mailbox.
    private static final String[] DOMAINS = {
        "example.com", "example.cn", "example.net", "example.org", "mail.example.cn"
    };
    private static final long THREE_YEARS = 3 * 365 * 24 * 3600L;

    private final UUID orgId;
    private final JsonMapper json;
    private final SplittableRandom random;
    private final LongSet mobiles;
    private final LongSet emails;
    private final long now;
    private final long yearAgo;
    private final Weighted<UUID> owners;
    private final Weighted<OrgSetup.TagRef> freeTags;
    private final List<Weighted<OrgSetup.TagRef>> exclusiveGroups;
    private final ChatRows chat;
    private final PushRows pushes;
    private final TaskRows tasks;

    ContactRows(
            UUID orgId,
            JsonMapper json,
            OrgSetup.Setup setup,
            long seed,
            LongSet mobiles,
            LongSet emails,
            Instant now,
            ZoneId zone) {
        this.orgId = orgId;
        this.json = json;
        this.random = new SplittableRandom(seed);
        this.mobiles = mobiles;
        this.emails = emails;
        this.now = now.getEpochSecond();
        this.yearAgo = this.now - 365 * 24 * 3600L;
        // Some owners are far busier than others.
        this.owners = Weighted.zipf(setup.owners(), 0.6);
        List<OrgSetup.TagRef> free = new ArrayList<>();
        List<List<OrgSetup.TagRef>> exclusive = new ArrayList<>();
        for (OrgSetup.TagRef tag : setup.tags()) {
            if (!tag.exclusive()) {
                free.add(tag);
            } else if (exclusive.isEmpty()
                    || !exclusive.get(exclusive.size() - 1).get(0).groupId().equals(tag.groupId())) {
                exclusive.add(new ArrayList<>(List.of(tag)));
            } else {
                exclusive.get(exclusive.size() - 1).add(tag);
            }
        }
        // A few tags on many contacts, most on few: popularity follows a shuffled Zipf order.
        shuffle(free);
        this.freeTags = Weighted.zipf(free, 1.1);
        this.exclusiveGroups =
                exclusive.stream().map(g -> Weighted.zipf(g, 1.2)).toList();
        long nowMillis = now.toEpochMilli();
        // Events draw from streams of their own, so that the contacts stay those of earlier versions' seeds.
        this.chat = new ChatRows(orgId, zone, owners, new SplittableRandom(seed * 31 + 1), nowMillis);
        this.pushes = new PushRows(orgId, owners, freeTags, new SplittableRandom(seed * 31 + 2), nowMillis);
        this.tasks = new TaskRows(orgId, zone, setup.owners(), new SplittableRandom(seed * 31 + 3), nowMillis);
    }

    /** The pushes the contacts' recipients belong to, for their rows once every batch is written. */
    PushRows pushes() {
        return pushes;
    }

    Batch next(int count) {
        Batch batch = new Batch(ContactCopy.withSearchKeys(orgId, json, count));
        List<Planned> planned = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            planned.add(contact(batch));
        }
        chat.add(planned, batch.chat);
        for (Planned p : planned) {
            pushes.add(p, batch.pushes);
            tasks.add(p, batch.tasks);
        }
        for (Planned p : planned) {
            long last = p.lastContact();
            ContactCopy.Times times = new ContactCopy.Times(
                    time(p.created * 1000),
                    time(Math.max(p.updated * 1000, last)),
                    last == 0 ? null : time(last),
                    p.lastActivity == 0 ? null : time(p.lastActivity));
            batch.contacts.add(p.id, p.draft, "import", p.owner, times);
        }
        return batch;
    }

    private Planned contact(Batch batch) {
        UUID id = Ids.newId();
        Person person = Person.next(random);
        UUID owner = owners.pick(random);
        long created = now - 3600 - (long) (random.nextDouble() * THREE_YEARS);
        long updated = created + (long) (random.nextDouble() * (now - created));
        Planned.Level level = Planned.Level.draw(random);
        String mobile = random.nextInt(100) < 92 ? mobile() : null;
        String company = random.nextInt(100) < 85 ? Details.company(random) : null;
        String title = random.nextInt(100) < 70 ? Details.title(random) : null;
        String address = random.nextInt(100) < 40 ? Details.address(random) : null;
        String remark = random.nextInt(100) < 20 ? Details.remark(random) : null;
        LocalDate birthday = random.nextInt(100) < 15 ? birthday() : null;
        List<UUID> tags = tags();
        List<Email> emails = random.nextInt(100) < 45 ? List.of(email(person)) : List.of();
        ContactDraft draft = new ContactDraft(
                person.name(),
                mobile,
                List.of(),
                emails,
                company,
                title,
                address,
                remark,
                person.gender(),
                birthday,
                null,
                owner,
                List.of(),
                List.of(),
                List.of(),
                tags,
                Map.of(),
                Map.of());
        Planned planned = new Planned(id, draft, level, created, updated);
        followUps(batch, planned);
        batch.emails += emails.size();
        batch.tags += tags.size();
        return planned;
    }

    private static OffsetDateTime time(long epochMilli) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMilli), ZoneOffset.UTC);
    }

    private String mobile() {
        while (true) {
            long number = PREFIXES[random.nextInt(PREFIXES.length)] * 100_000_000L + random.nextInt(100_000_000);
            if (mobiles.add(number)) {
                return "+86" + number;
            }
        }
    }

    private LocalDate birthday() {
        return LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
    }

    private Email email(Person person) {
        String local = person.romanized().toLowerCase(java.util.Locale.ROOT);
        String domain = Details.pick(random, DOMAINS);
        String address = local + "@" + domain;
        int digits = 10;
        while (!emails.add(LongSet.hash(address))) {
            address = local + random.nextInt(digits) + "@" + domain;
            digits = Math.min(digits * 10, 1_000_000_000);
        }
        return new Email(random.nextBoolean() ? "work" : "personal", address);
    }

    /** The contact's tags: a few free ones and, for some exclusive groups, one of the group. */
    private List<UUID> tags() {
        List<UUID> chosen = new ArrayList<>(4);
        int free = new int[] {0, 0, 1, 1, 1, 2, 2, 2, 3, 4}[random.nextInt(10)];
        for (int i = 0; i < free * 2 && chosen.size() < free; i++) {
            UUID tag = freeTags.pick(random).id();
            if (!chosen.contains(tag)) {
                chosen.add(tag);
            }
        }
        for (Weighted<OrgSetup.TagRef> group : exclusiveGroups) {
            if (random.nextInt(100) < 40) {
                chosen.add(group.pick(random).id());
            }
        }
        return chosen;
    }

    /**
     * Writes the contact's follow-ups, by its owner, and keeps the last one's time: every very active
     * contact has many in the last year, most active ones a few since they were added, a few quiet ones
     * one or two; about a third of the contacts have any.
     */
    private void followUps(Batch batch, Planned contact) {
        int count;
        long from = contact.created;
        switch (contact.level) {
            case VERY_ACTIVE -> {
                count = 6 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 10);
                from = contact.windowStart(yearAgo);
            }
            case ACTIVE ->
                count = random.nextInt(100) < 80 ? 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 2) : 0;
            default ->
                count = random.nextInt(100) < 15 ? 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 0.7) : 0;
        }
        for (int i = 0; i < Math.min(count, 60); i++) {
            long occurred = from + (long) (random.nextDouble() * (now - from));
            Instant at = Instant.ofEpochSecond(occurred);
            contact.lastFollowUp = Math.max(contact.lastFollowUp, at.toEpochMilli());
            batch.followUps.add(
                    Ids.newId(),
                    orgId,
                    contact.id,
                    Details.pick(random, Details.FOLLOW_UP_TYPES),
                    Details.note(random),
                    at,
                    contact.owner,
                    at,
                    at);
        }
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
