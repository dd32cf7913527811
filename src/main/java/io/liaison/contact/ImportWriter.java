package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.shared.CopyRows;
import io.liaison.shared.Ids;
import io.liaison.shared.SearchText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes new contacts of an import with COPY, in the caller's transaction: the contact rows with
 * their search grams, e-mails, external ids, tags (the tag array follows by trigger), name search
 * keys and an "imported" timeline entry each.
 */
@Repository
class ImportWriter {

    private final DataSource dataSource;
    private final ContactRepository repository;
    private final JsonMapper json;

    ImportWriter(DataSource dataSource, ContactRepository repository, JsonMapper json) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.json = json;
    }

    record NewContact(UUID id, ContactDraft draft) {}

    private record Key(String key, int tier, UUID contactId, UUID ownerId) {}

    /**
     * The name search keys in the order of their index, so that the B-tree takes them page after
     * page instead of jumping about the tree for each.
     */
    private static CopyRows keys(UUID orgId, List<Key> keys) {
        keys.sort(Comparator.comparing(Key::key).thenComparingInt(Key::tier).thenComparing(Key::contactId));
        CopyRows rows =
                new CopyRows("contact_search (org_id, key, tier, recency, contact_id, owner_id)", keys.size() * 110);
        // A new contact has not been contacted: recency 0, as contact_recency(NULL) gives.
        keys.forEach(k -> rows.add(orgId, k.key(), k.tier(), 0, k.contactId(), k.ownerId()));
        return rows;
    }

    void insert(UUID orgId, UUID actorId, UUID jobId, List<NewContact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows("contact (" + ContactRepository.INSERT_COLUMNS + ")", contacts.size() * 400);
        CopyRows emails = new CopyRows("contact_email (org_id, contact_id, position, label, address)", 1 << 16);
        CopyRows externalIds = new CopyRows("contact_external_id (org_id, contact_id, source, external_id)", 1 << 16);
        CopyRows tags = new CopyRows("contact_tag (org_id, contact_id, tag_id)", 1 << 16);
        List<Key> keyRows = new ArrayList<>(contacts.size() * 20);
        CopyRows timeline =
                new CopyRows("contact_timeline (id, org_id, contact_id, actor_id, kind, data)", contacts.size() * 150);
        String imported = json.writeValueAsString(Map.of("importId", jobId));
        for (NewContact c : contacts) {
            ContactDraft d = c.draft();
            rows.add(repository.insertValues(orgId, c.id(), d, "import", actorId));
            for (int i = 0; i < d.emails().size(); i++) {
                Email e = d.emails().get(i);
                emails.add(orgId, c.id(), i, e.label(), e.address());
            }
            d.externalIds().forEach((source, id) -> externalIds.add(orgId, c.id(), source, id));
            d.tagIds().forEach(tag -> tags.add(orgId, c.id(), tag));
            SearchText.nameKeys(d.name()).forEach((key, tier) -> keyRows.add(new Key(key, tier, c.id(), d.ownerId())));
            timeline.add(Ids.newId(), orgId, c.id(), actorId, "imported", imported);
        }
        for (CopyRows table : List.of(rows, emails, externalIds, tags, keys(orgId, keyRows), timeline)) {
            table.copy(dataSource);
        }
    }
}
