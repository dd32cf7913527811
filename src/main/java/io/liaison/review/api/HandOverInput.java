package io.liaison.review.api;

import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactLimits;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a hand-over moves, to whom, and the message the contacts get. */
@KnownFieldsOnly
@Schema(
        example = "{\"toMemberId\":\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\",\"filter\":{\"tagIds\":[]},"
                + "\"include\":[\"contacts\",\"conversations\",\"tasks\"],\"channel\":\"email\","
                + "\"message\":\"王芳会继续为你服务。\"}")
record HandOverInput(
        @Schema(description = "The active member who takes over.") @Nullable
        UUID toMemberId,

        @Schema(description = "Only the contacts this keeps, and the groups and tasks linked to them; absent: all.")
        @Nullable
        Filter filter,

        @ArraySchema(
                maxItems = 3,
                arraySchema = @Schema(description = "What to hand over; absent: everything."),
                schema = @Schema(allowableValues = {"contacts", "conversations", "tasks"}))
        @Nullable
        List<String> include,

        @Schema(description = "How the message reaches the contacts: e-mail.", allowableValues = "email") @Nullable
        String channel,

        @Schema(
                description =
                        "A message to every contact handed over, followed by who takes over and how to reach them.",
                maxLength = 2000,
                example = "王芳会继续为你服务。")
        @Nullable
        String message) {

    @KnownFieldsOnly
    record Filter(
            @Schema(
                    description = "Name, pinyin, initials, phone fragment, e-mail or company.",
                    maxLength = 100,
                    example = "zhang")
            @Nullable
            String q,

            @ArraySchema(maxItems = ContactLimits.TAGS) @Nullable
            List<UUID> tagIds,

            @Schema(description = "Every tag (true, the default) or any of them (false)") @Nullable
            Boolean allTags,

            @Schema(maxLength = 100, example = "杭州丝绸") @Nullable
            String company) {

        ContactFilter contactFilter() {
            if (q != null && q.length() > 100) {
                throw LiaisonException.invalid("filter.q", "invalid.length", 0, 100);
            }
            if (company != null && company.length() > 100) {
                throw LiaisonException.invalid("filter.company", "invalid.length", 0, 100);
            }
            if (tagIds != null && tagIds.size() > ContactLimits.TAGS) {
                throw LiaisonException.tooMany("filter.tagIds", ContactLimits.TAGS);
            }
            return ContactFilter.of(q, tagIds == null ? List.of() : tagIds, allTags == null || allTags, company);
        }
    }
}
