package io.liaison.contact;

import io.liaison.access.Masking;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a contact's timeline: {@code kind} says what happened; {@code data} holds its details
 * (for updated, the changed fields with before and after).
 */
public record TimelineEntry(
        UUID id,
        OffsetDateTime at,
        @Nullable UUID actorId,

        @Schema(
                allowableValues = {
                    CREATED,
                    IMPORTED,
                    UPDATED,
                    OWNER_CHANGED,
                    TAGS_CHANGED,
                    TAG_DELETED,
                    TRASHED,
                    RESTORED,
                    FOLLOW_UP
                },
                example = UPDATED)
        String kind,

        Map<String, Object> data) {

    public static final String CREATED = "created";
    public static final String IMPORTED = "imported";
    public static final String UPDATED = "updated";
    public static final String OWNER_CHANGED = "owner_changed";
    public static final String TAGS_CHANGED = "tags_changed";
    public static final String TAG_DELETED = "tag_deleted";
    public static final String TRASHED = "trashed";
    public static final String RESTORED = "restored";
    public static final String FOLLOW_UP = "follow_up";

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
