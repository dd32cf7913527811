package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.contact.search.SearchText;
import io.liaison.shared.CopyRows;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * New contacts of one organization as COPY rows, with their e-mails, external ids and tags, written
 * in the caller's transaction: the bulk path that imports and the demo data share. A contact's row
 * carries its search grams and its tag array as every other write of contacts computes them. Its
 * name and word search keys are written along when the copy is made {@link #withSearchKeys}; otherwise they
 * are the caller's to write (an import writes them once its batch is committed).
 */
public final class ContactCopy {

    /**
     * When a contact was made and last changed, when it was last contacted (null: never), and the last
     * contact other modules witnessed, such as a message in a group chat (null: none; see {@link
     * ContactActivity}).
     */
    public record Times(
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Nullable OffsetDateTime lastContactedAt,
            @Nullable OffsetDateTime lastActivityAt) {

        /** A contact with no contact witnessed by other modules. */
        public Times(OffsetDateTime createdAt, OffsetDateTime updatedAt, @Nullable OffsetDateTime lastContactedAt) {
            this(createdAt, updatedAt, lastContactedAt, null);
        }
    }

    private static final String COLUMNS =
            ContactRepository.INSERT_COLUMNS + ", created_at, updated_at, last_contacted_at, last_activity_at, tag_ids";

    private final UUID orgId;
    private final String org;
    private final JsonMapper json;
    private final CopyRows contacts;
    private final CopyRows emails =
            new CopyRows("contact_email (org_id, contact_id, position, label, address)", 1 << 16);
    private final CopyRows externalIds =
            new CopyRows("contact_external_id (org_id, contact_id, source, external_id)", 1 << 16);
    private final CopyRows tags = new CopyRows("contact_tag (org_id, contact_id, tag_id)", 1 << 16);
    private final @Nullable CopyRows searchKeys;
    private final @Nullable CopyRows wordKeys;

    private ContactCopy(UUID orgId, JsonMapper json, int expected, boolean withSearchKeys) {
        this.orgId = orgId;
        this.org = orgId.toString();
        this.json = json;
        this.contacts = new CopyRows("contact (" + COLUMNS + ")", expected * 400);
        this.searchKeys = withSearchKeys
                ? new CopyRows("contact_search (org_id, key, tier, recency, contact_id, owner_id)", expected * 1_500)
                : null;
        this.wordKeys = withSearchKeys
                ? new CopyRows("contact_word (org_id, key, recency, contact_id, owner_id)", expected * 4_000)
                : null;
    }

    /** Rows for about {@code expected} contacts, whose name search keys the caller writes. */
    public static ContactCopy of(UUID orgId, JsonMapper json, int expected) {
        return new ContactCopy(orgId, json, expected, false);
    }

    /** Rows for about {@code expected} contacts, with their name and word search keys. */
    public static ContactCopy withSearchKeys(UUID orgId, JsonMapper json, int expected) {
        return new ContactCopy(orgId, json, expected, true);
    }

    /** Adds a contact; the times are kept to the microsecond, as the database keeps them. */
    public void add(UUID id, ContactDraft d, String source, UUID createdBy, Times times) {
        String contact = id.toString();
        OffsetDateTime lastContacted =
                times.lastContactedAt() == null ? null : times.lastContactedAt().truncatedTo(ChronoUnit.MICROS);
        // In the database's order of uuids, as the triggers on contact_tag keep the array.
        String[] tagIds = d.tagIds().stream().map(UUID::toString).sorted().toArray(String[]::new);
        Object[] values = ContactRepository.insertValues(json, orgId, id, d, source, createdBy);
        Object[] row = Arrays.copyOf(values, values.length + 5);
        row[values.length] = times.createdAt().truncatedTo(ChronoUnit.MICROS);
        row[values.length + 1] = times.updatedAt().truncatedTo(ChronoUnit.MICROS);
        row[values.length + 2] = lastContacted;
        OffsetDateTime lastActivity = times.lastActivityAt();
        row[values.length + 3] = lastActivity == null ? null : lastActivity.truncatedTo(ChronoUnit.MICROS);
        row[values.length + 4] = tagIds;
        contacts.add(row);
        List<Email> addresses = d.emails();
        for (int i = 0; i < addresses.size(); i++) {
            emails.add(
                    org, contact, i, addresses.get(i).label(), addresses.get(i).address());
        }
        d.externalIds().forEach((system, externalId) -> externalIds.add(org, contact, system, externalId));
        for (String tag : tagIds) {
            tags.add(org, contact, tag);
        }
        if (searchKeys != null) {
            String owner = d.ownerId().toString();
            long recency = recency(lastContacted);
            for (Map.Entry<String, Integer> key : SearchText.nameKeys(d.name()).entrySet()) {
                searchKeys.add(org, key.getKey(), key.getValue(), recency, contact, owner);
            }
        }
        if (wordKeys != null) {
            String owner = d.ownerId().toString();
            long recency = recency(lastContacted);
            for (String key : SearchText.wordKeys(d.company(), d.remark(), numbers(d))) {
                wordKeys.add(org, key, recency, contact, owner);
            }
        }
    }

    /** A contact's phone numbers as its word keys take them: its mobile, then its other phones. */
    public static List<@Nullable String> numbers(ContactDraft d) {
        List<@Nullable String> numbers = new ArrayList<>();
        numbers.add(d.mobile());
        d.phones().forEach(phone -> numbers.add(phone.number()));
        return numbers;
    }

    /** {@code contact_recency} of the database: minus the microseconds since the epoch, 0 for never. */
    static long recency(@Nullable OffsetDateTime lastContacted) {
        if (lastContacted == null) {
            return 0;
        }
        return -(lastContacted.toEpochSecond() * 1_000_000L + lastContacted.getNano() / 1_000);
    }

    /** How many contacts were added since the last {@link #copy}. */
    public int count() {
        return contacts.count();
    }

    /** Sends the rows in the caller's transaction and starts empty again. */
    public void copy(DataSource dataSource) {
        for (CopyRows table : searchKeys == null || wordKeys == null
                ? List.of(contacts, emails, externalIds, tags)
                : List.of(contacts, emails, externalIds, tags, searchKeys, wordKeys)) {
            table.copy(dataSource);
        }
    }
}
