package io.liaison.review.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An open duplicate pair: both contacts (each visible to the caller), the score, the evidence in the
 * caller's language, and the cluster the pair belongs to with the contacts of it the caller sees.
 */
record DuplicateResponse(
        @Schema(example = "0190a5d2-0000-7000-8000-0000000000e1")
        UUID id,

        @Schema(description = "How sure the detection is that both are one person, 0 to 100.", example = "95")
        int score,

        @Schema(
                description = "exact: an exact key matched (mobile, e-mail, external id); likely: names and companies.",
                allowableValues = {"exact", "likely"},
                example = "exact")
        String kind,

        @ArraySchema(maxItems = 10) List<EvidenceResponse> evidence,
        List<ContactSide> contacts,

        @Schema(
                description = "The cluster: the pairs that share a contact, directly or through others, share it.",
                example = "0190a5d2-0000-7000-8000-0000000000c1")
        UUID clusterId,

        @ArraySchema(
                maxItems = 1000,
                arraySchema = @Schema(description = "The contacts of the cluster the caller sees, for a merge."))
        List<UUID> clusterContactIds) {

    /** One piece of evidence: its code and what it says. */
    record EvidenceResponse(
            @Schema(
                    allowableValues = {
                        "mobile",
                        "email",
                        "external-id",
                        "name",
                        "pinyin",
                        "name-edit",
                        "company",
                        "domain"
                    },
                    example = "mobile")
            String code,

            @Schema(
                    description = "The evidence in the caller's language; numbers and addresses masked as the"
                            + " contact list masks them.",
                    maxLength = 600,
                    example = "Same mobile +86 138****8000")
            String text) {}

    /** One contact of the pair. */
    record ContactSide(
            @Schema(example = "0190a5d2-0000-7000-8000-0000000000a1")
            UUID id,

            @Schema(maxLength = 100, example = "张伟") String name,

            @Schema(maxLength = 200, example = "华为技术有限公司") @Nullable
            String company,

            @Schema(description = "The name of the member who follows the contact.", maxLength = 100, example = "李娜")
            String ownerName) {}
}
