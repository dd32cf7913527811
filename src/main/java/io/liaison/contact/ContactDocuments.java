package io.liaison.contact;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts as the REST API answers them to an administrator ({@code ContactResponse}'s fields, in its
 * order), for a reader that is the system rather than a member: the integration module's webhooks,
 * which send a contact with each change. Mobile, phones and e-mails are masked unless {@code full};
 * the caller decides that (an endpoint allowed full details by a member holding {@code
 * contact.reveal}). Read in batches, in the trash or not.
 */
@Service
public class ContactDocuments {

    /** How many contacts one call reads. */
    public static final int MAX_BATCH = 1_000;

    private final ContactRepository contacts;

    ContactDocuments(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** The organization's contacts of these ids that exist, by id; those that do not are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, @Nullable Object>> render(UUID orgId, Collection<UUID> ids, boolean full) {
        List<UUID> wanted = ids.stream().distinct().toList();
        if (wanted.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " contacts at once");
        }
        Map<UUID, Map<String, @Nullable Object>> documents = new LinkedHashMap<>();
        for (Contact contact : contacts.byIds(orgId, wanted)) {
            documents.put(contact.id(), document(full ? contact : contact.maskedView()));
        }
        return documents;
    }

    private static Map<String, @Nullable Object> document(Contact c) {
        Contact.ContactDraft f = c.fields();
        Map<String, @Nullable Object> d = new LinkedHashMap<>();
        d.put("id", c.id());
        d.put("name", f.name());
        d.put("mobile", f.mobile());
        d.put("phones", f.phones());
        d.put("emails", f.emails());
        d.put("company", f.company());
        d.put("title", f.title());
        d.put("address", f.address());
        d.put("remark", f.remark());
        d.put("gender", f.gender());
        d.put("birthday", f.birthday());
        d.put("avatarUrl", f.avatarUrl());
        d.put("ownerId", f.ownerId());
        d.put("shareUserIds", f.shareUserIds());
        d.put("shareDeptIds", f.shareDeptIds());
        d.put("collaboratorIds", f.collaboratorIds());
        d.put("tagIds", f.tagIds());
        d.put("customFields", f.customFields());
        d.put("externalIds", f.externalIds());
        d.put("source", c.source());
        d.put("createdAt", c.createdAt());
        d.put("updatedAt", c.updatedAt());
        d.put("lastContactedAt", c.lastContactedAt());
        d.put("version", c.version());
        d.put("trashedAt", c.trashedAt());
        d.put("trashedBy", c.trashedBy());
        d.put("masked", c.masked());
        return d;
    }
}
