package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a change leaves a contact as it is: equal fields, custom field values compared as they
 * are stored (checked and normalised, then JSON), not as the Java types that read them. A change
 * that changes nothing is neither written nor recorded, and keeps the contact's version.
 */
final class SameFields {

    private SameFields() {}

    /** {@code checkedValues}: the next custom field values, checked against their definitions. */
    static boolean same(ContactDraft old, ContactDraft next, Map<String, Object> checkedValues, JsonMapper json) {
        ContactDraft a = old.withChecked(old.tagIds(), stored(old.customFields(), json));
        ContactDraft b = next.withChecked(next.tagIds(), stored(checkedValues, json));
        return ContactDiff.between(a, b).isEmpty()
                && a.ownerId().equals(b.ownerId())
                && new HashSet<>(a.tagIds()).equals(new HashSet<>(b.tagIds()));
    }

    private static Map<String, Object> stored(Map<String, Object> values, JsonMapper json) {
        return json.readValue(json.writeValueAsString(values), new TypeReference<HashMap<String, Object>>() {});
    }
}
