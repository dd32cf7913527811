package io.liaison.push.api;

import io.liaison.contact.ContactFilterBody;
import io.liaison.push.audience.Audience;
import io.liaison.push.core.PushService;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies a push is made from: its audience (the contact list's filters, ids, groups, robots) and its content. */
final class PushRequests {

    private PushRequests() {}

    @KnownFieldsOnly
    @Schema(example = "{\"filter\":{\"tagIds\":[\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\"]},\"channelIds\":[]}")
    record AudienceBody(
            @Schema(description = "Contacts by the contact list's filters (all live contacts the sender sees: {})")
            @Nullable
            ContactFilterBody filter,

            @ArraySchema(maxItems = Audience.MAX_CONTACT_IDS) @Nullable
            List<UUID> contactIds,

            @ArraySchema(maxItems = Audience.MAX_CONVERSATIONS) @Nullable
            List<UUID> conversationIds,

            @ArraySchema(
                    maxItems = Audience.MAX_CHANNELS,
                    schema = @Schema(description = "A robot or webhook: the organization's or the sender's own"))
            @Nullable
            List<UUID> channelIds) {

        /** The body's audience, which a push and a preview must have. */
        static AudienceBody required(@Nullable AudienceBody audience) {
            if (audience == null) {
                throw LiaisonException.invalid("audience", "invalid.push-audience-empty");
            }
            return audience;
        }

        Audience audience() {
            return new Audience(
                    filter == null ? null : filter.filter("audience.filter."),
                    Ids.given("audience.contactIds", contactIds),
                    Ids.given("audience.conversationIds", conversationIds),
                    Ids.given("audience.channelIds", channelIds));
        }
    }

    @KnownFieldsOnly
    record ContentBody(
            @Schema(maxLength = PushService.MAX_SUBJECT, example = "{{name}}，新品到了") @Nullable
            String subject,

            @Schema(description = "Markdown with variables", maxLength = PushService.MAX_BODY) @Nullable
            String body) {}

    @KnownFieldsOnly
    record CreatePushRequest(
            @Schema(maxLength = PushService.MAX_NAME, example = "十二月新品通知") @Nullable
            String name,

            @Schema(description = "A saved template whose subject and body the push copies") @Nullable
            UUID templateId,

            @Schema(description = "The subject and body, when no template is named") @Nullable
            ContentBody content,

            @Nullable AudienceBody audience,

            @Schema(description = "When to send; now when left out") @Nullable
            Instant scheduledAt) {

        AudienceBody requiredAudience() {
            return AudienceBody.required(audience);
        }
    }

    @KnownFieldsOnly
    @Schema(
            example = "{\"audience\":{\"filter\":{\"tagIds\":[\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\"]}},"
                    + "\"content\":{\"subject\":\"{{name}}，新品到了\",\"body\":\"你好，{{name}}！\"}}")
    record PreviewRequest(
            @Nullable AudienceBody audience,

            @Schema(description = "A saved template to preview, when no content is given") @Nullable
            UUID templateId,

            @Nullable ContentBody content,

            @Schema(description = "A contact of the audience to preview for; a few of it when left out") @Nullable
            UUID contactId) {

        AudienceBody requiredAudience() {
            return AudienceBody.required(audience);
        }
    }
}
