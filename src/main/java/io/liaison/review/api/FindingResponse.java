package io.liaison.review.api;

import io.liaison.review.finding.FindingQueries.FindingView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An open finding on a contact the caller sees, with its reason in words. */
record FindingResponse(
        @Schema(example = "0190a5d2-0000-7000-8000-0000000000f1")
        UUID id,

        @Schema(example = "0190a5d2-0000-7000-8000-0000000000c1")
        UUID contactId,

        @Schema(maxLength = 100, example = "张伟") String contactName,

        @Schema(
                allowableValues = {"stale", "invalid", "incomplete", "duplicate"},
                example = "stale")
        String kind,

        @Schema(
                description = "The reason's code, such as stale.days, invalid.mobile, invalid.bounced,"
                        + " invalid.required, incomplete.contact or duplicate.mobile.",
                maxLength = 60,
                example = "stale.days")
        String reason,

        @Schema(
                description = "The reason as a sentence in the caller's language.",
                maxLength = 1000,
                example = "No recorded contact for 90 days (since Aug 1, 2026).")
        String reasonText,

        @Schema(
                description = "The reason's values, such as days and since; a number or address is masked"
                        + " when the caller sees the contact's details masked.",
                example = "{\"days\": 90, \"since\": \"2026-08-01T02:00:00Z\"}")
        Map<String, Object> detail,

        @Schema(description = "When it was first found; it stays while the finding is open.")
        Instant foundAt) {

    static FindingResponse of(FindingView f, String reasonText) {
        return new FindingResponse(
                f.id(), f.contactId(), f.contactName(), f.kind(), f.reason(), reasonText, f.detail(), f.foundAt());
    }
}
