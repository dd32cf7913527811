package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.search.SearchKeyWriter;
import io.liaison.shared.CopyRows;
import io.liaison.shared.Ids;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes new contacts of an import with COPY ({@link ContactCopy}), in the caller's transaction,
 * with an "imported" timeline entry each that keeps the importing member's name. Their name search keys follow on the {@link
 * SearchKeyWriter}.
 */
@Repository
class ImportWriter {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SearchKeyWriter keyWriter;
    private final ContactTimeline timelineNames;

    ImportWriter(
            DataSource dataSource,
            JdbcClient jdbc,
            JsonMapper json,
            SearchKeyWriter keyWriter,
            ContactTimeline timelineNames) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.keyWriter = keyWriter;
        this.timelineNames = timelineNames;
    }

    record NewContact(UUID id, ContactDraft draft) {}

    /** Writes the contacts; their name search keys are staged for the {@link SearchKeyWriter}. */
    SearchKeyWriter.@Nullable PendingKeys insert(
            UUID orgId, UUID actorId, UUID jobId, String source, List<NewContact> contacts) {
        if (contacts.isEmpty()) {
            return null;
        }
        // Made and changed when the transaction began, as a contact created one by one is.
        OffsetDateTime now =
                jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
        ContactCopy.Times times = new ContactCopy.Times(now, now, null);
        ContactCopy rows = ContactCopy.of(orgId, json, contacts.size());
        List<SearchKeyWriter.Named> named = new ArrayList<>(contacts.size());
        CopyRows timeline =
                new CopyRows("contact_timeline (id, org_id, contact_id, actor_id, kind, data)", contacts.size() * 150);
        String imported = json.writeValueAsString(
                Map.of("importId", jobId, ContactTimeline.NAMES, timelineNames.names(orgId, Set.of(actorId))));
        for (NewContact c : contacts) {
            rows.add(c.id(), c.draft(), source, actorId, times);
            named.add(new SearchKeyWriter.Named(
                    c.id(),
                    c.draft().name(),
                    c.draft().ownerId(),
                    c.draft().company(),
                    c.draft().remark(),
                    ContactCopy.numbers(c.draft())));
            timeline.add(Ids.newId(), orgId, c.id(), actorId, TimelineEntry.IMPORTED, imported);
        }
        rows.copy(dataSource);
        timeline.copy(dataSource);
        return keyWriter.stage(orgId, jobId, named);
    }
}
