package io.liaison.integration.api;

import io.liaison.integration.webhook.WebhookEndpoint;
import io.liaison.integration.webhook.WebhookRules;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A webhook endpoint as the API shows it; its secret only once, when it is made or rotated. */
record WebhookResponse(
        @Schema(example = "0190a5d2-0000-7000-8000-0000000000e1")
        UUID id,

        @Schema(maxLength = WebhookRules.MAX_URL, example = "https://crm.example.com/hooks/liaison")
        String url,

        @Schema(maxLength = WebhookRules.MAX_DESCRIPTION, example = "CRM sync")
        String description,

        @ArraySchema(
                arraySchema = @Schema(description = "The change types it receives."),
                schema = @Schema(maxLength = 64, example = "contact.created"))
        List<String> eventTypes,

        boolean enabled,

        @Schema(description = "Whether contacts are sent with mobile, phones and e-mails unmasked.")
        boolean fullDetails,

        @Schema(
                description = "Why the system turned it off (its deliveries kept failing), in the caller's language.",
                maxLength = 1000,
                example = "Turned off after 12 failed attempts in a row, none through for 3 days.")
        @Nullable
        String disabledReason,

        @Schema(
                description = "The Standard Webhooks signing secret: answered once, when the endpoint is made"
                        + " or its secret rotated; null otherwise.",
                maxLength = 100,
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @Nullable
        String secret,

        @Schema(description = "After a rotation: until when the previous secret signs as well.") @Nullable
        Instant previousSecretUntil,

        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "The version; the ETag of the endpoint.", example = "2")
        long version) {

    static WebhookResponse of(
            WebhookEndpoint e,
            @Nullable String disabledReason,
            @Nullable String secret,
            @Nullable Instant previousSecretUntil) {
        return new WebhookResponse(
                e.id(),
                e.url(),
                e.description(),
                e.eventTypes(),
                e.enabled(),
                e.fullDetails(),
                disabledReason,
                secret,
                previousSecretUntil,
                e.createdAt(),
                e.updatedAt(),
                e.version());
    }
}
