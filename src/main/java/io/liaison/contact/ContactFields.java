package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.contact.Contact.Phone;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.Message;
import io.liaison.shared.PhoneNumbers;
import io.liaison.shared.Validation;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a contact's fields from a JSON body, with JSON Merge Patch semantics: a field that is absent
 * keeps its current value, {@code null} clears it; inside {@code customFields} and
 * {@code externalIds} the same holds per key. Every invalid field is collected and named.
 */
final class ContactFields {

    static final Set<String> FIELDS = Set.of(
            "name",
            "mobile",
            "phones",
            "emails",
            "company",
            "title",
            "address",
            "remark",
            "gender",
            "birthday",
            "avatarUrl",
            "ownerId",
            "shareUserIds",
            "shareDeptIds",
            "collaboratorIds",
            "tagIds",
            "customFields",
            "externalIds");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_-]{0,29}");
    private static final Set<String> GENDERS = Set.of("male", "female", "unknown");
    /** A photo kept with the contact, as phones export them: a small image in a data: URL (32 KB in base64). */
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+");

    private static final int MAX_DATA_AVATAR = ContactLimits.AVATAR_URL;

    /**
     * The most elements each collection of a contact may have: a request past one is refused
     * before anything is read, since every list and export reads them per contact.
     */
    static final Map<String, Integer> MAXIMA = Map.of(
            "phones", ContactLimits.PHONES,
            "emails", ContactLimits.EMAILS,
            "externalIds", ContactLimits.EXTERNAL_IDS,
            "tagIds", ContactLimits.TAGS,
            "customFields", ContactLimits.CUSTOM_FIELDS,
            "shareUserIds", ContactLimits.SHARES,
            "shareDeptIds", ContactLimits.SHARES,
            "collaboratorIds", ContactLimits.COLLABORATORS);

    private final MergePatch patch;
    private final String region;
    private final Validation v = new Validation();

    private ContactFields(MergePatch patch, String region) {
        this.patch = patch;
        this.region = region;
    }

    /** The new state: {@code current} changed by {@code body}; for a new contact, {@code current} is null. */
    static ContactDraft apply(
            @Nullable ContactDraft current, Map<String, @Nullable Object> body, String region, UUID defaultOwner) {
        ContactFields in = new ContactFields(new MergePatch(body, FIELDS), region);
        MAXIMA.forEach((field, max) -> MergePatch.atMost(field, body.get(field), max));
        ContactDraft base = current != null ? current : empty(defaultOwner);
        ContactDraft result = in.read(base, current == null);
        // A patch adds to what the contact has: the sum must stay within the maximum too.
        MergePatch.atMost("externalIds", result.externalIds(), MAXIMA.get("externalIds"));
        MergePatch.atMost("customFields", result.customFields(), MAXIMA.get("customFields"));
        in.v.throwIfInvalid();
        return result;
    }

    private static ContactDraft empty(UUID owner) {
        return new ContactDraft(
                "", null, List.of(), List.of(), null, null, null, null, null, null, null, owner, List.of(), List.of(),
                List.of(), List.of(), Map.of(), Map.of());
    }

    private ContactDraft read(ContactDraft c, boolean creating) {
        String name = patch.has("name") || creating ? name(patch.has("name") ? patch.raw("name") : null) : c.name();
        return new ContactDraft(
                name,
                patch.has("mobile") ? phone("mobile", patch.raw("mobile")) : c.mobile(),
                patch.has("phones") ? phones() : c.phones(),
                patch.has("emails") ? emails() : c.emails(),
                text("company", ContactLimits.COMPANY, c.company()),
                text("title", ContactLimits.TITLE, c.title()),
                text("address", ContactLimits.ADDRESS, c.address()),
                text("remark", ContactLimits.REMARK, c.remark()),
                patch.has("gender") ? gender() : c.gender(),
                patch.has("birthday") ? birthday() : c.birthday(),
                patch.has("avatarUrl") ? avatarUrl() : c.avatarUrl(),
                patch.has("ownerId") ? owner(c.ownerId()) : c.ownerId(),
                patch.has("shareUserIds") ? ids("shareUserIds") : c.shareUserIds(),
                patch.has("shareDeptIds") ? ids("shareDeptIds") : c.shareDeptIds(),
                patch.has("collaboratorIds") ? ids("collaboratorIds") : c.collaboratorIds(),
                patch.has("tagIds") ? ids("tagIds") : c.tagIds(),
                patch.has("customFields") ? customFields(c.customFields()) : c.customFields(),
                patch.has("externalIds") ? externalIds(c.externalIds()) : c.externalIds());
    }

    private String name(@Nullable Object value) {
        String clean = value instanceof String s ? s.trim() : "";
        if (clean.isEmpty() || clean.length() > ContactLimits.NAME) {
            // A contact's name is a person's name: labelled 姓名 as on the form, not a department's 名称.
            v.reject(new LiaisonException.FieldError(
                    "name", Message.label("displayName"), Message.of("invalid.length", 1, ContactLimits.NAME)));
        }
        return clean;
    }

    private @Nullable String text(String field, int max, @Nullable String current) {
        if (!patch.has(field)) {
            return current;
        }
        Object value = patch.raw(field);
        if (value != null && !(value instanceof String)) {
            v.reject(field, "invalid.string");
            return current;
        }
        String clean = value == null ? null : ((String) value).trim();
        if (clean != null && clean.length() > max) {
            v.reject(field, "invalid.max-length", max);
        }
        return clean == null || clean.isEmpty() ? null : clean;
    }

    private @Nullable String phone(String field, @Nullable Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (!(value instanceof String s)) {
            v.reject(field, "invalid.string");
            return null;
        }
        var normalized = PhoneNumbers.normalize(s, region);
        if (normalized.isEmpty()) {
            v.reject(field, "invalid.phone", s);
            return null;
        }
        return normalized.get();
    }

    private List<Phone> phones() {
        List<Phone> phones = new ArrayList<>();
        List<Map<?, ?>> items = objects("phones");
        for (int i = 0; i < items.size(); i++) {
            String number = phone("phones[" + i + "].number", items.get(i).get("number"));
            if (number != null) {
                phones.add(new Phone(label(items.get(i)), number));
            } else if (items.get(i).get("number") == null) {
                v.reject("phones[" + i + "].number", "invalid.required");
            }
        }
        return phones;
    }

    private List<Email> emails() {
        List<Email> emails = new ArrayList<>();
        List<Map<?, ?>> items = objects("emails");
        for (int i = 0; i < items.size(); i++) {
            Object raw = items.get(i).get("address");
            String address = raw instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : "";
            if (address.length() > ContactLimits.EMAIL
                    || !EMAIL.matcher(address).matches()) {
                v.reject("emails[" + i + "].address", "invalid.email");
            } else {
                emails.add(new Email(label(items.get(i)), address));
            }
        }
        return emails;
    }

    private List<Map<?, ?>> objects(String field) {
        Object value = patch.raw(field);
        List<Map<?, ?>> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            v.reject(field, "invalid.object-list");
            return result;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                result.add(map);
            } else {
                v.reject(field, "invalid.object-list");
            }
        }
        return result;
    }

    private static @Nullable String label(Map<?, ?> item) {
        return item.get("label") instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    private @Nullable String gender() {
        Object value = patch.raw("gender");
        if (value != null && !GENDERS.contains(value)) {
            v.reject("gender", "invalid.gender");
            return null;
        }
        return (String) value;
    }

    private @Nullable LocalDate birthday() {
        Object value = patch.raw("birthday");
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(String.valueOf(value));
            // today where the day starts first (UTC+14): a birthday of today is valid in every zone
            if (date.isAfter(LocalDate.now(ZoneOffset.ofHours(14))) || date.isBefore(LocalDate.of(1900, 1, 1))) {
                v.reject("birthday", "invalid.birthday");
            }
            return date;
        } catch (DateTimeParseException e) {
            v.reject("birthday", "invalid.date");
            return null;
        }
    }

    /** An http(s) address, or a small image as a data: URL. */
    private @Nullable String avatarUrl() {
        Object value = patch.raw("avatarUrl");
        if (value == null) {
            return null;
        }
        String url = String.valueOf(value).trim();
        if (url.startsWith("data:")) {
            if (url.length() <= MAX_DATA_AVATAR && DATA_IMAGE.matcher(url).matches()) {
                return url;
            }
            v.reject("avatarUrl", "invalid.avatar-image");
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (url.length() <= 1000 && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        v.reject("avatarUrl", "invalid.avatar-address");
        return null;
    }

    private UUID owner(UUID current) {
        Object value = patch.raw("ownerId");
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            v.reject("ownerId", "invalid.member-id");
            return current;
        }
    }

    private List<UUID> ids(String field) {
        try {
            return List.copyOf(new LinkedHashSet<>(patch.ids(field, MAXIMA.get(field))));
        } catch (io.liaison.shared.LiaisonException e) {
            e.errors().forEach(v::reject);
            return List.of();
        }
    }

    private Map<String, Object> customFields(Map<String, Object> current) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        Object value = patch.raw("customFields");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> changes)) {
            v.reject("customFields", "invalid.custom-fields-object");
            return current;
        }
        changes.forEach((key, newValue) -> {
            if (newValue == null) {
                merged.remove(String.valueOf(key));
            } else {
                merged.put(String.valueOf(key), newValue);
            }
        });
        return merged;
    }

    private Map<String, String> externalIds(Map<String, String> current) {
        Map<String, String> merged = new LinkedHashMap<>(current);
        Object value = patch.raw("externalIds");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> changes)) {
            v.reject("externalIds", "invalid.external-ids-object");
            return current;
        }
        changes.forEach((key, id) -> {
            String source = String.valueOf(key);
            if (!SOURCE.matcher(source).matches()) {
                v.reject("externalIds." + source, "invalid.external-id-source");
            } else if (id == null) {
                merged.remove(source);
            } else if (!(id instanceof String s) || s.isBlank() || s.length() > ContactLimits.EXTERNAL_ID) {
                v.reject("externalIds." + source, "invalid.length", 1, ContactLimits.EXTERNAL_ID);
            } else {
                merged.put(source, s.trim());
            }
        });
        return merged;
    }
}
