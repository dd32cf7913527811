package io.liaison.contact;

import io.liaison.access.Masking;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a contact's timeline: {@code kind} is created, updated, owner_changed, tags_changed,
 * tag_deleted, trashed, restored or follow_up; {@code data} holds its details (for updated, the
 * changed fields with before and after).
 */
public record TimelineEntry(
        UUID id, OffsetDateTime at, @Nullable UUID actorId, String kind, Map<String, Object> data) {

    private static final Set<String> DETAILS = Set.of("mobile", "phones", "emails");

    /** The entry with mobile numbers, phones and e-mails in its changes masked. */
    TimelineEntry masked() {
        if (!(data.get("changes") instanceof List<?> changes)) {
            return this;
        }
        List<Object> hidden = changes.stream()
                .map(c -> c instanceof Map<?, ?> change && DETAILS.contains(String.valueOf(change.get("field")))
                        ? maskedChange(change)
                        : c)
                .toList();
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put("changes", hidden);
        return new TimelineEntry(id, at, actorId, kind, copy);
    }

    private static Map<Object, @Nullable Object> maskedChange(Map<?, ?> change) {
        Map<Object, @Nullable Object> copy = new LinkedHashMap<>(change);
        copy.put("before", mask(change.get("before")));
        copy.put("after", mask(change.get("after")));
        return copy;
    }

    private static @Nullable Object mask(@Nullable Object value) {
        if (value instanceof String number) {
            return Masking.phone(number);
        }
        if (value instanceof List<?> items) {
            return items.stream().map(TimelineEntry::maskItem).toList();
        }
        return value;
    }

    private static @Nullable Object maskItem(@Nullable Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            return item;
        }
        Map<Object, @Nullable Object> copy = new LinkedHashMap<>(map);
        if (map.get("number") instanceof String number) {
            copy.put("number", Masking.phone(number));
        }
        if (map.get("address") instanceof String address) {
            copy.put("address", Masking.email(address));
        }
        return copy;
    }
}
