package io.liaison.integration.change;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One change in the feed. {@code cursor} is where a reader resumes to get the changes after this one;
 * {@code contactId} is the contact it concerns, if any; {@code data} holds the names of the fields that
 * changed, the record's name and ids, never personal data in full.
 */
public record Change(
        String cursor,
        String type,
        String resourceType,
        UUID resourceId,
        @Nullable UUID contactId,
        @Nullable UUID actorId,
        Instant occurredAt,
        Map<String, Object> data) {

    public Change {
        data = Map.copyOf(data);
    }
}
