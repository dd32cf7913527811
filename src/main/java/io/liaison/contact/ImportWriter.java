package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.contact.search.SearchKeyWriter;
import io.liaison.shared.CopyRows;
import io.liaison.shared.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes new contacts of an import with COPY, in the caller's transaction: the contact rows with
 * their search grams, e-mails, external ids, tags (the tag array follows by trigger) and an
 * "imported" timeline entry each. Their name search keys follow on the {@link SearchKeyWriter}.
 */
@Repository
class ImportWriter {

    private final DataSource dataSource;
    private final ContactRepository repository;
    private final JsonMapper json;
    private final SearchKeyWriter keyWriter;

    ImportWriter(DataSource dataSource, ContactRepository repository, JsonMapper json, SearchKeyWriter keyWriter) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.json = json;
        this.keyWriter = keyWriter;
    }

    record NewContact(UUID id, ContactDraft draft) {}

    /** Writes the contacts; their name search keys are staged for the {@link SearchKeyWriter}. */
    SearchKeyWriter.@Nullable PendingKeys insert(UUID orgId, UUID actorId, UUID jobId, List<NewContact> contacts) {
        if (contacts.isEmpty()) {
            return null;
        }
        CopyRows rows = new CopyRows("contact (" + ContactRepository.INSERT_COLUMNS + ")", contacts.size() * 400);
        CopyRows emails = new CopyRows("contact_email (org_id, contact_id, position, label, address)", 1 << 16);
        CopyRows externalIds = new CopyRows("contact_external_id (org_id, contact_id, source, external_id)", 1 << 16);
        CopyRows tags = new CopyRows("contact_tag (org_id, contact_id, tag_id)", 1 << 16);
        List<SearchKeyWriter.Named> named = new ArrayList<>(contacts.size());
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
            named.add(new SearchKeyWriter.Named(c.id(), d.name(), d.ownerId()));
            timeline.add(Ids.newId(), orgId, c.id(), actorId, "imported", imported);
        }
        for (CopyRows table : List.of(rows, emails, externalIds, tags, timeline)) {
            table.copy(dataSource);
        }
        return keyWriter.stage(orgId, jobId, named);
    }
}
