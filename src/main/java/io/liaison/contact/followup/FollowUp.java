package io.liaison.contact.followup;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A follow-up record (跟进记录): a note, call, visit, meeting, message or e-mail with a contact. */
public record FollowUp(
        UUID id,
        UUID contactId,
        String type,
        String content,
        OffsetDateTime occurredAt,
        UUID authorId,
        String authorName,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    public static final Set<String> TYPES = Set.of("note", "call", "visit", "meeting", "message", "email");
}
