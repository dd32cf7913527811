package io.liaison.contact;

import io.liaison.access.Masking;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a contact's timeline: {@code kind} is created, updated, owner_changed, tags_changed,
 * tag_deleted, trashed, restored or follow_up; {@code data} holds its details (for updated, the
 * changed fields with before and after).
 */
public record TimelineEntry(
        UUID id, OffsetDateTime at, @Nullable UUID actorId, String kind, Map<String, Object> data) {

    /** The entry with mobile numbers, phones and e-mails in its changes masked. */
    TimelineEntry masked() {
        if (!(data.get("changes") instanceof List<?> changes)) {
            return this;
        }
        List<Object> hidden = changes.stream()
                .map(c -> c instanceof Map<?, ?> change && Masking.DETAILS.contains(String.valueOf(change.get("field")))
                        ? maskedChange(change)
                        : c)
                .toList();
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put("changes", hidden);
        return new TimelineEntry(id, at, actorId, kind, copy);
    }

    private static Map<Object, @Nullable Object> maskedChange(Map<?, ?> change) {
        Map<Object, @Nullable Object> copy = new LinkedHashMap<>(change);
        copy.put("before", Masking.value(change.get("before")));
        copy.put("after", Masking.value(change.get("after")));
        return copy;
    }
}
