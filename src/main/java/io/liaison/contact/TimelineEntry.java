package io.liaison.contact;

import io.liaison.access.Masking;
import io.liaison.shared.RecordNames;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a contact's timeline: {@code kind} says what happened; {@code data} holds its details
 * (for updated, the changed fields with before and after); {@code names} names every member,
 * department and tag it mentions as they were named when it happened.
 */
public record TimelineEntry(
        UUID id,
        OffsetDateTime at,
        @Nullable UUID actorId,

        @Schema(
                description =
                        "The name of the member who acted, as it was then; absent for Liaison itself and for a member no longer known",
                example = "王芳")
        @Nullable
        String actorName,

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
                    FOLLOW_UP,
                    CHAT,
                    PUSH_OPTED_OUT,
                    PUSH_OPTED_IN,
                    MERGED,
                    MERGE_UNDONE
                },
                example = UPDATED)
        String kind,

        @Schema(
                description =
                        "What happened: for updated, changes (field, before, after); for owner_changed, from and to (member ids); for tags_changed, added and removed (tag ids); for tag_deleted, tagId, tagName and groupName; for follow_up, followUpId, type and, while the follow-up exists, its content;"
                                + " for chat, a group chat's messages on one day: conversationId, day, messages and"
                                + " fromContact (those the contact posted as a guest); for push_opted_out and"
                                + " push_opted_in, via (link: the contact, through an e-mail's unsubscribe link;"
                                + " member: recorded by the member who acted); for merged and merge_undone,"
                                + " contactIds (the contacts merged into this one, or the one it was merged into)")
        Map<String, Object> data,

        @Schema(
                description =
                        "The names of the members, departments and tags the entry mentions, by id, as they were when it happened",
                example = "{\"0190a2c4-5b6e-7c8d-9e0f-1a2b3c4d5e6f\": \"王芳\"}")
        Map<String, String> names) {

    public static final String CREATED = "created";
    public static final String IMPORTED = "imported";
    public static final String UPDATED = "updated";
    public static final String OWNER_CHANGED = "owner_changed";
    public static final String TAGS_CHANGED = "tags_changed";
    public static final String TAG_DELETED = "tag_deleted";
    public static final String TRASHED = "trashed";
    public static final String RESTORED = "restored";
    public static final String FOLLOW_UP = "follow_up";
    public static final String CHAT = "chat";
    public static final String PUSH_OPTED_OUT = "push_opted_out";
    public static final String PUSH_OPTED_IN = "push_opted_in";
    public static final String MERGED = "merged";
    public static final String MERGE_UNDONE = "merge_undone";

    /** The entry as stored: the names it kept move from its data to {@link #names}. */
    static TimelineEntry of(UUID id, OffsetDateTime at, @Nullable UUID actorId, String kind, Map<String, Object> data) {
        Map<String, String> names = new LinkedHashMap<>();
        if (data.remove(ContactTimeline.NAMES) instanceof Map<?, ?> kept) {
            kept.forEach((key, name) -> names.put(String.valueOf(key), String.valueOf(name)));
        }
        return new TimelineEntry(
                id, at, actorId, actorId == null ? null : names.get(actorId.toString()), kind, data, names);
    }

    /** The entry with {@code today}'s names for the ids it did not name. */
    TimelineEntry withFallback(Map<String, String> today) {
        Map<String, String> all = new LinkedHashMap<>(names);
        RecordNames.mentioned(actorId, data).forEach(mentioned -> {
            String name = today.get(mentioned.toString());
            if (name != null) {
                all.putIfAbsent(mentioned.toString(), name);
            }
        });
        return new TimelineEntry(
                id, at, actorId, actorId == null ? null : all.get(actorId.toString()), kind, data, all);
    }

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
        return new TimelineEntry(id, at, actorId, actorName, kind, copy, names);
    }

    private static Map<Object, @Nullable Object> maskedChange(Map<?, ?> change) {
        Map<Object, @Nullable Object> copy = new LinkedHashMap<>(change);
        copy.put("before", Masking.value(change.get("before")));
        copy.put("after", Masking.value(change.get("after")));
        return copy;
    }
}
