package io.liaison.review.merge;

import io.liaison.contact.Contact;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.contact.Contact.Phone;
import io.liaison.contact.ContactLimits;
import io.liaison.shared.LiaisonException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The survivor's fields after a merge, and after its undo. A merge takes each chosen field from the
 * chosen contact and unites the collections (phones, e-mails, tags, shares, collaborators, external
 * ids: the survivor's win for a source both have); an undo applies a three-way rule per field, so
 * that what changed on the survivor since the merge stays.
 */
final class MergeFields {

    /** The fields one picks a contact for; custom fields as {@code customFields.<key>}. */
    static final List<String> CHOSEN =
            List.of("name", "mobile", "company", "title", "address", "remark", "gender", "birthday", "avatarUrl");

    static final String CUSTOM = "customFields.";

    private MergeFields() {}

    /** A field of the survivor that an undo left as it was, since it changed after the merge. */
    record Kept(String field, boolean takenFromMerged) {}

    /** The survivor's fields after the undo, and the fields it kept. */
    record Undone(ContactDraft fields, List<Kept> kept) {}

    /**
     * The survivor's new fields: {@code chosen} maps a field to the contact it comes from (the
     * survivor's own where not chosen); merged contacts' owners become collaborators, so that they
     * keep seeing the contact. 409 when two merged contacts have different ids of one source that
     * the survivor lacks.
     */
    static ContactDraft merged(Contact survivor, List<Contact> merged, Map<String, UUID> chosen) {
        Map<UUID, ContactDraft> all = new LinkedHashMap<>();
        all.put(survivor.id(), survivor.fields());
        merged.forEach(c -> all.put(c.id(), c.fields()));
        ContactDraft s = survivor.fields();
        Function<String, ContactDraft> from = field -> all.get(chosen.getOrDefault(field, survivor.id()));
        Map<String, Object> custom = new LinkedHashMap<>(s.customFields());
        chosen.forEach((field, id) -> {
            if (field.startsWith(CUSTOM)) {
                String key = field.substring(CUSTOM.length());
                Object value = all.get(id).customFields().get(key);
                if (value == null) {
                    custom.remove(key);
                } else {
                    custom.put(key, value);
                }
            }
        });
        String mobile = from.apply("mobile").mobile();
        List<Phone> phones = new ArrayList<>();
        Set<String> numbers = new LinkedHashSet<>();
        if (mobile != null) {
            numbers.add(mobile);
        }
        for (ContactDraft d : all.values()) {
            if (d.mobile() != null && numbers.add(d.mobile())) {
                phones.add(new Phone("mobile", d.mobile()));
            }
        }
        List<Phone> kept = new ArrayList<>();
        all.values()
                .forEach(d ->
                        d.phones().stream().filter(p -> numbers.add(p.number())).forEach(kept::add));
        kept.addAll(phones);
        List<Email> emails = new ArrayList<>();
        Set<String> addresses = new LinkedHashSet<>();
        all.values()
                .forEach(d -> d.emails().stream()
                        .filter(e -> addresses.add(e.address().toLowerCase(Locale.ROOT)))
                        .forEach(emails::add));
        UUID owner = s.ownerId();
        Set<UUID> collaborators = union(all, ContactDraft::collaboratorIds);
        merged.forEach(c -> collaborators.add(c.ownerId()));
        collaborators.remove(owner);
        Set<UUID> shareUsers = union(all, ContactDraft::shareUserIds);
        shareUsers.remove(owner);
        ContactDraft next = new ContactDraft(
                from.apply("name").name(),
                mobile,
                kept,
                emails,
                from.apply("company").company(),
                from.apply("title").title(),
                from.apply("address").address(),
                from.apply("remark").remark(),
                from.apply("gender").gender(),
                from.apply("birthday").birthday(),
                from.apply("avatarUrl").avatarUrl(),
                owner,
                List.copyOf(shareUsers),
                List.copyOf(union(all, ContactDraft::shareDeptIds)),
                List.copyOf(collaborators),
                List.copyOf(union(all, ContactDraft::tagIds)),
                custom,
                externalIds(s, merged));
        atMost("phones", next.phones().size(), ContactLimits.PHONES);
        atMost("emails", next.emails().size(), ContactLimits.EMAILS);
        atMost("externalIds", next.externalIds().size(), ContactLimits.EXTERNAL_IDS);
        atMost("shareUserIds", next.shareUserIds().size(), ContactLimits.SHARES);
        atMost("shareDeptIds", next.shareDeptIds().size(), ContactLimits.SHARES);
        atMost("collaboratorIds", next.collaboratorIds().size(), ContactLimits.COLLABORATORS);
        return next;
    }

    private static Map<String, String> externalIds(ContactDraft survivor, List<Contact> merged) {
        Map<String, String> ids = new LinkedHashMap<>(survivor.externalIds());
        Map<String, String> taken = new LinkedHashMap<>();
        for (Contact c : merged) {
            c.fields().externalIds().forEach((source, id) -> {
                if (!survivor.externalIds().containsKey(source)) {
                    String other = taken.putIfAbsent(source, id);
                    if (other != null && !other.equals(id)) {
                        throw new LiaisonException(
                                HttpStatus.CONFLICT, "merge-external-ids-conflict", source, other, id);
                    }
                }
            });
        }
        ids.putAll(taken);
        return ids;
    }

    private static <T> Set<T> union(Map<UUID, ContactDraft> all, Function<ContactDraft, List<T>> items) {
        Set<T> union = new LinkedHashSet<>();
        all.values().forEach(d -> union.addAll(items.apply(d)));
        return union;
    }

    private static void atMost(String field, int size, int max) {
        if (size > max) {
            throw LiaisonException.invalid(field, "invalid.merge-too-many", max);
        }
    }

    /**
     * The survivor's fields for an undo: per field, its value before the merge where it has not
     * changed since ({@code now} equals {@code after}), what it is now otherwise; per element of a
     * collection (a tag, a phone by number, an e-mail by address, a share, a collaborator), and per
     * key of the custom fields and external ids, the same rule: what was added since stays, what was
     * removed since stays removed, what the merge added goes.
     */
    static Undone undone(
            ContactDraft before, ContactDraft after, ContactDraft now, Map<String, UUID> chosen, UUID survivorId) {
        List<Kept> kept = new ArrayList<>();
        Scalar scalar = new Scalar(kept, chosen, survivorId);
        Map<String, Object> custom = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(before.customFields().keySet());
        keys.addAll(after.customFields().keySet());
        keys.addAll(now.customFields().keySet());
        for (String key : keys) {
            Object value = scalar.pick(
                    CUSTOM + key,
                    before.customFields().get(key),
                    after.customFields().get(key),
                    now.customFields().get(key));
            if (value != null) {
                custom.put(key, value);
            }
        }
        Map<String, String> externalIds = new LinkedHashMap<>();
        Set<String> sources = new LinkedHashSet<>(before.externalIds().keySet());
        sources.addAll(now.externalIds().keySet());
        for (String source : sources) {
            String value = scalar.pick(
                    "externalIds." + source,
                    before.externalIds().get(source),
                    after.externalIds().get(source),
                    now.externalIds().get(source));
            if (value != null) {
                externalIds.put(source, value);
            }
        }
        ContactDraft fields = new ContactDraft(
                Objects.requireNonNull(scalar.pick("name", before.name(), after.name(), now.name())),
                scalar.pick("mobile", before.mobile(), after.mobile(), now.mobile()),
                elements(before.phones(), after.phones(), now.phones(), Phone::number),
                elements(
                        before.emails(),
                        after.emails(),
                        now.emails(),
                        e -> e.address().toLowerCase(Locale.ROOT)),
                scalar.pick("company", before.company(), after.company(), now.company()),
                scalar.pick("title", before.title(), after.title(), now.title()),
                scalar.pick("address", before.address(), after.address(), now.address()),
                scalar.pick("remark", before.remark(), after.remark(), now.remark()),
                scalar.pick("gender", before.gender(), after.gender(), now.gender()),
                scalar.<@Nullable LocalDate>pick("birthday", before.birthday(), after.birthday(), now.birthday()),
                scalar.pick("avatarUrl", before.avatarUrl(), after.avatarUrl(), now.avatarUrl()),
                Objects.requireNonNull(scalar.pick("ownerId", before.ownerId(), after.ownerId(), now.ownerId())),
                elements(before.shareUserIds(), after.shareUserIds(), now.shareUserIds(), id -> id),
                elements(before.shareDeptIds(), after.shareDeptIds(), now.shareDeptIds(), id -> id),
                elements(before.collaboratorIds(), after.collaboratorIds(), now.collaboratorIds(), id -> id),
                elements(before.tagIds(), after.tagIds(), now.tagIds(), id -> id),
                custom,
                externalIds);
        return new Undone(fields, List.copyOf(kept));
    }

    /** The names of the fields that differ between two states of a contact. */
    static List<String> changed(ContactDraft a, ContactDraft b) {
        Map<String, List<@Nullable Object>> pairs = new LinkedHashMap<>();
        pairs.put("name", Arrays.asList(a.name(), b.name()));
        pairs.put("mobile", Arrays.asList(a.mobile(), b.mobile()));
        pairs.put("phones", Arrays.asList(a.phones(), b.phones()));
        pairs.put("emails", Arrays.asList(a.emails(), b.emails()));
        pairs.put("company", Arrays.asList(a.company(), b.company()));
        pairs.put("title", Arrays.asList(a.title(), b.title()));
        pairs.put("address", Arrays.asList(a.address(), b.address()));
        pairs.put("remark", Arrays.asList(a.remark(), b.remark()));
        pairs.put("gender", Arrays.asList(a.gender(), b.gender()));
        pairs.put("birthday", Arrays.asList(a.birthday(), b.birthday()));
        pairs.put("avatarUrl", Arrays.asList(a.avatarUrl(), b.avatarUrl()));
        pairs.put("shareUserIds", Arrays.asList(a.shareUserIds(), b.shareUserIds()));
        pairs.put("shareDeptIds", Arrays.asList(a.shareDeptIds(), b.shareDeptIds()));
        pairs.put("collaboratorIds", Arrays.asList(a.collaboratorIds(), b.collaboratorIds()));
        pairs.put("tagIds", Arrays.asList(Set.copyOf(a.tagIds()), Set.copyOf(b.tagIds())));
        pairs.put("customFields", Arrays.asList(a.customFields(), b.customFields()));
        pairs.put("externalIds", Arrays.asList(a.externalIds(), b.externalIds()));
        List<String> changed = new ArrayList<>();
        pairs.forEach((field, pair) -> {
            if (!Objects.equals(pair.get(0), pair.get(1))) {
                changed.add(field);
            }
        });
        return changed;
    }

    /** The elements of {@code before} still there now, then those added since the merge. */
    private static <T, K> List<T> elements(List<T> before, List<T> after, List<T> now, Function<T, K> key) {
        Set<K> nowKeys = new LinkedHashSet<>(now.stream().map(key).toList());
        Set<K> afterKeys = new LinkedHashSet<>(after.stream().map(key).toList());
        List<T> result = new ArrayList<>();
        Set<K> seen = new LinkedHashSet<>();
        before.stream()
                .filter(t -> nowKeys.contains(key.apply(t)) && seen.add(key.apply(t)))
                .forEach(result::add);
        now.stream()
                .filter(t -> !afterKeys.contains(key.apply(t)) && seen.add(key.apply(t)))
                .forEach(result::add);
        return result;
    }

    /** The three-way rule for one value, noting the fields it keeps. */
    private record Scalar(List<Kept> kept, Map<String, UUID> chosen, UUID survivorId) {

        <T> @Nullable T pick(String field, @Nullable T before, @Nullable T after, @Nullable T now) {
            if (Objects.equals(now, after)) {
                return before;
            }
            if (!Objects.equals(now, before)) {
                UUID from = chosen.get(field);
                kept.add(new Kept(field, from != null && !from.equals(survivorId)));
            }
            return now;
        }
    }
}
