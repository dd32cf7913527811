package io.liaison.contact;

import io.liaison.identity.Actor;
import io.liaison.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An administrator changed how contacts are classified: a tag group, a tag or a custom field was
 * created, changed, reordered or deleted ({@code action} says which, such as {@code tag.updated}).
 */
public record ContactSettingChanged(
        UUID orgId,
        @Nullable UUID actorId,
        String action,
        String targetType,
        UUID targetId,
        Map<String, @Nullable Object> before,
        Map<String, @Nullable Object> after)
        implements AuditableEvent {

    /** The event with only the values that differ between {@code before} and {@code after}. */
    public static ContactSettingChanged of(
            Actor actor,
            String targetType,
            String change,
            UUID targetId,
            Map<String, @Nullable Object> before,
            Map<String, @Nullable Object> after) {
        Map<String, @Nullable Object> was = new LinkedHashMap<>();
        Map<String, @Nullable Object> now = new LinkedHashMap<>();
        before.forEach((key, value) -> {
            if (!after.containsKey(key) || !Objects.equals(value, after.get(key))) {
                was.put(key, value);
            }
        });
        after.forEach((key, value) -> {
            if (!before.containsKey(key) || !Objects.equals(value, before.get(key))) {
                now.put(key, value);
            }
        });
        return new ContactSettingChanged(
                actor.orgId(), actor.memberId(), targetType + "." + change, targetType, targetId, was, now);
    }
}
