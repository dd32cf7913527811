package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The fields of a contact as a map, and what changed between two states. */
final class ContactDiff {

    /** Fields with events of their own (owner, tags), left out of the plain field changes. */
    static final Set<String> SEPARATE = Set.of("ownerId", "tagIds");

    private ContactDiff() {}

    static Map<String, @Nullable Object> fields(ContactDraft d) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("mobile", d.mobile());
        m.put("phones", d.phones());
        m.put("emails", d.emails());
        m.put("company", d.company());
        m.put("title", d.title());
        m.put("address", d.address());
        m.put("remark", d.remark());
        m.put("gender", d.gender());
        m.put("birthday", d.birthday() == null ? null : d.birthday().toString());
        m.put("avatarUrl", d.avatarUrl());
        m.put("ownerId", d.ownerId());
        m.put("shareUserIds", d.shareUserIds());
        m.put("shareDeptIds", d.shareDeptIds());
        m.put("collaboratorIds", d.collaboratorIds());
        m.put("tagIds", d.tagIds());
        m.put("customFields", d.customFields());
        m.put("externalIds", d.externalIds());
        return m;
    }

    /** The non-empty fields of a new contact. */
    static Map<String, @Nullable Object> present(ContactDraft d) {
        Map<String, @Nullable Object> m = fields(d);
        m.values()
                .removeIf(v -> v == null
                        || (v instanceof Collection<?> c && c.isEmpty())
                        || (v instanceof Map<?, ?> map && map.isEmpty()));
        return m;
    }

    /** Before and after of the fields that differ, leaving out {@link #SEPARATE}. */
    record Change(Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {

        boolean isEmpty() {
            return after.isEmpty();
        }
    }

    static Change between(ContactDraft old, ContactDraft now) {
        Map<String, @Nullable Object> a = fields(old);
        Map<String, @Nullable Object> b = fields(now);
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        a.forEach((field, value) -> {
            if (!SEPARATE.contains(field) && !Objects.equals(value, b.get(field))) {
                before.put(field, value);
                after.put(field, b.get(field));
            }
        });
        return new Change(before, after);
    }
}
