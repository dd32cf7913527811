package io.liaison.demo;

import io.liaison.contact.search.SearchText;
import io.liaison.shared.CopyRows;
import io.liaison.shared.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Makes up contacts one batch at a time: every value comes from the seeded random, except the ids
 * (UUIDv7, time-ordered like the application's own). Mobiles and e-mails already taken in the
 * organization, or earlier in this run, are never handed out again.
 */
final class ContactRows {

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
    private final SplittableRandom random;
    private final LongSet mobiles;
    private final LongSet emails;
    private final long now;
    private final Weighted<UUID> owners;
    private final Weighted<OrgSetup.TagRef> freeTags;
    private final List<Weighted<OrgSetup.TagRef>> exclusiveGroups;

    ContactRows(UUID orgId, OrgSetup.Setup setup, long seed, LongSet mobiles, LongSet emails, Instant now) {
        this.orgId = orgId;
        this.random = new SplittableRandom(seed);
        this.mobiles = mobiles;
        this.emails = emails;
        this.now = now.getEpochSecond();
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
    }

    Chunk next(int count) {
        Chunk chunk = new Chunk();
        for (int i = 0; i < count; i++) {
            contact(chunk);
        }
        return chunk;
    }

    private void contact(Chunk chunk) {
        UUID id = Ids.newId();
        Person person = Person.next(random);
        UUID owner = owners.pick(random);
        long created = now - 3600 - (long) (random.nextDouble() * THREE_YEARS);
        long updated = created + (long) (random.nextDouble() * (now - created));
        long lastContacted = followUps(chunk, id, owner, created);
        StringBuilder row = chunk.contacts;
        Chunk.field(row, id, false);
        Chunk.field(row, orgId, false);
        Chunk.field(row, person.name(), false);
        String mobile = random.nextInt(100) < 92 ? mobile() : null;
        String company = random.nextInt(100) < 85 ? Details.company(random) : null;
        optional(row, mobile);
        optional(row, company);
        optional(row, random.nextInt(100) < 70 ? Details.title(random) : null);
        optional(row, random.nextInt(100) < 40 ? Details.address(random) : null);
        String remark = random.nextInt(100) < 20 ? Details.remark(random) : null;
        optional(row, remark);
        Chunk.field(row, person.gender(), false);
        optional(row, random.nextInt(100) < 15 ? birthday() : null);
        Chunk.field(row, "import", false);
        Chunk.field(row, owner, false);
        Chunk.field(row, owner, false);
        Chunk.field(row, Instant.ofEpochSecond(created), false);
        Chunk.field(row, Instant.ofEpochSecond(Math.max(updated, lastContacted)), false);
        if (lastContacted == 0) {
            Chunk.nullField(row, false);
        } else {
            Chunk.field(row, Instant.ofEpochSecond(lastContacted), false);
        }
        Chunk.field(row, CopyRows.array(SearchText.textGrams(company, remark)), false);
        Chunk.field(row, CopyRows.array(SearchText.mobileGrams(mobile)), false);
        List<UUID> tags = tags();
        Chunk.field(row, CopyRows.array(tags.stream().map(UUID::toString).toArray(String[]::new)), true);
        chunk.contactCount++;
        searchKeys(chunk, id, person.name(), owner, lastContacted);
        if (random.nextInt(100) < 45) {
            email(chunk, id, person);
        }
        for (UUID tag : tags) {
            Chunk.field(chunk.tags, orgId, false);
            Chunk.field(chunk.tags, id, false);
            Chunk.field(chunk.tags, tag, true);
        }
        chunk.tagCount += tags.size();
    }

    /** The contact's name keys, as the application writes them ({@code contact_recency} of the last contact). */
    private void searchKeys(Chunk chunk, UUID contact, String name, UUID owner, long lastContacted) {
        long recency = -lastContacted * 1_000_000L;
        for (Map.Entry<String, Integer> key : SearchText.nameKeys(name).entrySet()) {
            StringBuilder row = chunk.searchKeys;
            Chunk.field(row, orgId, false);
            Chunk.field(row, key.getKey(), false);
            Chunk.field(row, key.getValue(), false);
            Chunk.field(row, recency, false);
            Chunk.field(row, contact, false);
            Chunk.field(row, owner, true);
        }
    }

    private void optional(StringBuilder row, @Nullable Object value) {
        if (value == null) {
            Chunk.nullField(row, false);
        } else {
            Chunk.field(row, value, false);
        }
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

    private void email(Chunk chunk, UUID contact, Person person) {
        String local = person.romanized().toLowerCase(java.util.Locale.ROOT);
        String domain = Details.pick(random, DOMAINS);
        String address = local + "@" + domain;
        int digits = 10;
        while (!emails.add(LongSet.hash(address))) {
            address = local + random.nextInt(digits) + "@" + domain;
            digits = Math.min(digits * 10, 1_000_000_000);
        }
        StringBuilder row = chunk.emails;
        Chunk.field(row, orgId, false);
        Chunk.field(row, contact, false);
        Chunk.field(row, 0, false);
        Chunk.field(row, random.nextBoolean() ? "work" : "personal", false);
        Chunk.field(row, address, true);
        chunk.emailCount++;
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
        // In the database's order of uuids, as the application keeps the array.
        chosen.sort(java.util.Comparator.comparing(UUID::toString));
        return chosen;
    }

    /** Writes a third of the contacts' follow-ups; answers the last one's time, 0 if none. */
    private long followUps(Chunk chunk, UUID contact, UUID author, long created) {
        if (random.nextInt(100) >= 35) {
            return 0;
        }
        int count = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.5);
        long last = 0;
        for (int i = 0; i < Math.min(count, 20); i++) {
            long occurred = created + (long) (random.nextDouble() * (now - created));
            last = Math.max(last, occurred);
            Instant at = Instant.ofEpochSecond(occurred);
            StringBuilder row = chunk.followUps;
            Chunk.field(row, Ids.newId(), false);
            Chunk.field(row, orgId, false);
            Chunk.field(row, contact, false);
            Chunk.field(row, Details.pick(random, Details.FOLLOW_UP_TYPES), false);
            Chunk.field(row, Details.note(random), false);
            Chunk.field(row, at, false);
            Chunk.field(row, author, false);
            Chunk.field(row, at, false);
            Chunk.field(row, at, true);
            chunk.followUpCount++;
        }
        return last;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
