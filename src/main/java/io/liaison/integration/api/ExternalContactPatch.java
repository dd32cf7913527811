package io.liaison.integration.api;

import io.liaison.contact.ContactLimits;
import io.liaison.shared.PhoneNumbers;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of a {@code PUT} by external id: the new contact's fields, or a JSON Merge Patch of the
 * contact that has the id (a field left out stays, {@code null} clears it; per key inside {@code
 * customFields} and {@code externalIds}).
 */
@KnownFieldsOnly
@Schema(
        description = "A contact to create, or a change to it (JSON Merge Patch): a field left out stays, null"
                + " clears it. Its externalIds get the source and id of the address.")
record ExternalContactPatch(
        @Schema(description = "The contact's name.", maxLength = ContactLimits.NAME, example = "张三")
        Patch<String> name,

        @Schema(
                description = "Mobile number; a bare 11-digit Chinese mobile gets +86.",
                maxLength = PhoneNumbers.MAX_INPUT,
                example = "+8613800138000")
        Patch<@Nullable String> mobile,

        @ArraySchema(maxItems = ContactLimits.PHONES) Patch<@Nullable List<SyncPhone>> phones,
        @ArraySchema(maxItems = ContactLimits.EMAILS) Patch<@Nullable List<SyncEmail>> emails,

        @Schema(maxLength = ContactLimits.COMPANY, example = "ACME Ltd.")
        Patch<@Nullable String> company,

        @Schema(maxLength = ContactLimits.TITLE, example = "Purchasing manager")
        Patch<@Nullable String> title,

        @Schema(maxLength = ContactLimits.ADDRESS, example = "1 Nanjing Road, Shanghai")
        Patch<@Nullable String> address,

        @Schema(maxLength = ContactLimits.REMARK, example = "Met at the trade fair.")
        Patch<@Nullable String> remark,

        @Schema(
                allowableValues = {"male", "female", "unknown"},
                example = "female")
        Patch<@Nullable String> gender,

        @Schema(description = "Between 1900-01-01 and today.", example = "1990-05-17")
        Patch<@Nullable LocalDate> birthday,

        @Schema(
                description = "An http(s) address of at most 1000 characters, or a PNG, JPEG, GIF or WebP"
                        + " image as a data: URL.",
                maxLength = ContactLimits.AVATAR_URL,
                example = "https://example.com/zhang.png")
        Patch<@Nullable String> avatarUrl,

        @Schema(description = "The member who follows the contact.", example = "0190a5d2-0000-7000-8000-000000000001")
        Patch<UUID> ownerId,

        @ArraySchema(maxItems = ContactLimits.SHARES) Patch<@Nullable List<UUID>> shareUserIds,
        @ArraySchema(maxItems = ContactLimits.SHARES) Patch<@Nullable List<UUID>> shareDeptIds,
        @ArraySchema(maxItems = ContactLimits.COLLABORATORS) Patch<@Nullable List<UUID>> collaboratorIds,
        @ArraySchema(maxItems = ContactLimits.TAGS) Patch<@Nullable List<UUID>> tagIds,

        @Schema(
                description = "Values by custom field key; null removes a key's value.",
                maxProperties = ContactLimits.CUSTOM_FIELDS,
                example = "{\"industry\": \"retail\"}")
        Patch<@Nullable Map<String, @Nullable Object>> customFields,

        @Schema(
                description = "Ids in other systems by source (1 to 30 lower-case letters, digits, - or _);"
                        + " null removes a source.",
                maxProperties = ContactLimits.EXTERNAL_IDS,
                example = "{\"crm\": \"A-1024\"}")
        Patch<@Nullable Map<String, @Nullable String>> externalIds,

        @Schema(description = "Save even when another contact has this mobile or e-mail.", defaultValue = "false")
        @Nullable
        Boolean allowDuplicate) {}
