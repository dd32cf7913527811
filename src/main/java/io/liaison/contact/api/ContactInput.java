package io.liaison.contact.api;

import io.liaison.contact.ContactLimits;
import io.liaison.shared.PhoneNumbers;
import io.liaison.shared.web.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A new contact: only the name is required; a field left out or {@code null} is empty. */
@KnownFieldsOnly
@Schema(description = "A new contact; the owner defaults to the member who creates it.")
record ContactInput(
        @Schema(maxLength = ContactLimits.NAME, example = "张三")
        String name,

        @Schema(
                description = "Mobile number; a bare 11-digit Chinese mobile gets +86.",
                maxLength = PhoneNumbers.MAX_INPUT,
                example = "+8613800138000")
        @Nullable
        String mobile,

        @ArraySchema(maxItems = ContactLimits.PHONES) @Nullable
        List<PhoneEntry> phones,

        @ArraySchema(maxItems = ContactLimits.EMAILS) @Nullable
        List<EmailEntry> emails,

        @Schema(maxLength = ContactLimits.COMPANY, example = "ACME Ltd.") @Nullable
        String company,

        @Schema(maxLength = ContactLimits.TITLE, example = "Purchasing manager") @Nullable
        String title,

        @Schema(maxLength = ContactLimits.ADDRESS, example = "1 Nanjing Road, Shanghai") @Nullable
        String address,

        @Schema(maxLength = ContactLimits.REMARK, example = "Met at the trade fair.") @Nullable
        String remark,

        @Schema(
                allowableValues = {"male", "female", "unknown"},
                example = "female")
        @Nullable
        String gender,

        @Schema(description = "Between 1900-01-01 and today.", example = "1990-05-17") @Nullable
        LocalDate birthday,

        @Schema(
                description = "An http(s) address of at most 1000 characters, or a PNG, JPEG, GIF or WebP"
                        + " image as a data: URL.",
                maxLength = ContactLimits.AVATAR_URL,
                example = "https://example.com/zhang.png")
        @Nullable
        String avatarUrl,

        @Schema(description = "The member who follows the contact.", example = "0190a5d2-0000-7000-8000-000000000001")
        @Nullable
        UUID ownerId,

        @ArraySchema(maxItems = ContactLimits.SHARES) @Nullable
        List<UUID> shareUserIds,

        @ArraySchema(maxItems = ContactLimits.SHARES) @Nullable
        List<UUID> shareDeptIds,

        @ArraySchema(maxItems = ContactLimits.COLLABORATORS) @Nullable
        List<UUID> collaboratorIds,

        @ArraySchema(maxItems = ContactLimits.TAGS) @Nullable
        List<UUID> tagIds,

        @Schema(
                description = "Values by custom field key.",
                maxProperties = ContactLimits.CUSTOM_FIELDS,
                example = "{\"industry\": \"retail\"}")
        @Nullable
        Map<String, @Nullable Object> customFields,

        @Schema(
                description = "Ids in other systems by source (1 to 30 lower-case letters, digits, - or _).",
                maxProperties = ContactLimits.EXTERNAL_IDS,
                example = "{\"crm\": \"A-1024\"}")
        @Nullable
        Map<String, String> externalIds,

        @Schema(description = "Save even when another contact has this mobile or e-mail.", defaultValue = "false")
        @Nullable
        Boolean allowDuplicate) {}
