package io.liaison.contact.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A follow-up record (跟进记录): a note, call, visit, meeting, message or e-mail with a contact. */
public record FollowUp(
        UUID id,
        UUID contactId,

        @Schema(
                allowableValues = {NOTE, CALL, VISIT, MEETING, MESSAGE, EMAIL},
                example = CALL)
        String type,

        @Schema(maxLength = FollowUpService.MAX_CONTENT, example = "电话沟通续约，下周三拜访。")
        String content,

        OffsetDateTime occurredAt,
        UUID authorId,
        @Schema(example = "王芳") String authorName,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    public static final String NOTE = "note";
    public static final String CALL = "call";
    public static final String VISIT = "visit";
    public static final String MEETING = "meeting";
    public static final String MESSAGE = "message";
    public static final String EMAIL = "email";
    public static final Set<String> TYPES = Set.of(NOTE, CALL, VISIT, MEETING, MESSAGE, EMAIL);
}
