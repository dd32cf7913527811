package io.liaison.contact.web;

import io.liaison.contact.Contact;
import io.liaison.contact.Contact.Email;
import io.liaison.shared.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The contact form: the fields people fill in by hand, one e-mail among them, and the checked tags. It becomes the JSON-like
 * body that {@code ContactService} reads with merge-patch semantics, so an empty input clears its field.
 */
record ContactForm(
        @Nullable String name,
        @Nullable String mobile,
        @Nullable String email,
        @Nullable String company,
        @Nullable String title,
        @Nullable String address,
        @Nullable String gender,
        @Nullable String birthday,
        @Nullable String remark,
        @Nullable UUID ownerId,
        @Nullable List<UUID> tagIds,
        @Nullable Long version) {

    static final List<String> GENDERS = List.of("male", "female", "unknown");

    static ContactForm empty(UUID owner) {
        return new ContactForm("", "", "", "", "", "", "", "", "", owner, List.of(), null);
    }

    static ContactForm of(Contact c) {
        var f = c.fields();
        return new ContactForm(
                f.name(),
                f.mobile(),
                f.emails().isEmpty() ? null : f.emails().get(0).address(),
                f.company(),
                f.title(),
                f.address(),
                f.gender(),
                f.birthday() == null ? null : f.birthday().toString(),
                f.remark(),
                f.ownerId(),
                f.tagIds(),
                c.version());
    }

    /** The checked tags; none when the browser sent no box. */
    @Override
    public List<UUID> tagIds() {
        return Ids.given("tagIds", tagIds);
    }

    /** The same input, to be sent against another version of the contact. */
    ContactForm withVersion(long newVersion) {
        return new ContactForm(
                name, mobile, email, company, title, address, gender, birthday, remark, ownerId, tagIds, newVersion);
    }

    /**
     * The body for create or update, with the custom field inputs' values. The form edits the first e-mail only, so the contact's other
     * e-mails ({@code current}, empty for a new contact) are kept behind it; the owner is sent only when
     * the member may choose it, so that editing a shared contact never takes it over.
     */
    Map<String, @Nullable Object> body(
            List<Email> current, boolean choosesOwner, Map<String, @Nullable Object> customFields) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name == null ? "" : name);
        body.put("mobile", blankToNull(mobile));
        List<Map<String, @Nullable Object>> emails = new ArrayList<>();
        if (blankToNull(email) != null) {
            Map<String, @Nullable Object> first = new LinkedHashMap<>();
            first.put("label", current.isEmpty() ? null : current.get(0).label());
            first.put("address", email);
            emails.add(first);
        }
        current.stream().skip(1).forEach(e -> {
            Map<String, @Nullable Object> other = new LinkedHashMap<>();
            other.put("label", e.label());
            other.put("address", e.address());
            emails.add(other);
        });
        body.put("emails", emails);
        body.put("company", blankToNull(company));
        body.put("title", blankToNull(title));
        body.put("address", blankToNull(address));
        body.put("gender", blankToNull(gender));
        body.put("birthday", blankToNull(birthday));
        body.put("remark", blankToNull(remark));
        body.put("customFields", customFields);
        // Unchecking every tag sends no tagIds at all, which means no tags.
        body.put("tagIds", tagIds().stream().map(UUID::toString).toList());
        if (choosesOwner && ownerId != null) {
            body.put("ownerId", ownerId.toString());
        }
        return body;
    }

    /**
     * The inputs where {@code now} (the contact as another member saved it meanwhile) differs from
     * this input, with the value it has now, to show beside each such input.
     */
    Map<String, String> differencesTo(ContactForm now) {
        Map<String, String> differences = new LinkedHashMap<>();
        compare(differences, "name", name, now.name);
        compare(differences, "mobile", mobile, now.mobile);
        compare(differences, "email", email, now.email);
        compare(differences, "company", company, now.company);
        compare(differences, "title", title, now.title);
        compare(differences, "address", address, now.address);
        compare(differences, "gender", gender, now.gender);
        compare(differences, "birthday", birthday, now.birthday);
        compare(differences, "remark", remark, now.remark);
        if (ownerId != null) {
            compare(differences, "ownerId", ownerId.toString(), String.valueOf(now.ownerId));
        }
        return differences;
    }

    private static void compare(
            Map<String, String> differences, String input, @Nullable String mine, @Nullable String theirs) {
        String a = blankToNull(mine);
        String b = blankToNull(theirs);
        if (!Objects.equals(a == null ? null : a.trim(), b == null ? null : b.trim())) {
            differences.put(input, b == null ? "" : b);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
