package io.liaison.integration.api;

import io.liaison.contact.Contact;
import io.liaison.contact.ContactLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact found by its external id, as the contact API answers it. */
record ExternalContact(
        @Schema(example = "0190a5d2-0000-7000-8000-00000000c0de")
        UUID id,

        @Schema(maxLength = ContactLimits.NAME, example = "张三")
        String name,

        @Schema(
                description = "E.164; masked (+86 138****8000) when the actor may not see it.",
                example = "+8613800138000")
        @Nullable
        String mobile,

        List<Contact.Phone> phones,
        List<Contact.Email> emails,

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

        @Schema(example = "1990-05-17") @Nullable LocalDate birthday,

        @Schema(example = "https://example.com/zhang.png") @Nullable
        String avatarUrl,

        @Schema(description = "The member who follows the contact.", example = "0190a5d2-0000-7000-8000-000000000001")
        UUID ownerId,

        List<UUID> shareUserIds,
        List<UUID> shareDeptIds,
        List<UUID> collaboratorIds,
        List<UUID> tagIds,
        Map<String, Object> customFields,
        Map<String, String> externalIds,

        @Schema(description = "Where the contact came from: manual, import, api, form or sync.", example = "api")
        String source,

        @Schema(example = "2026-11-25T09:30:00+08:00") OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime lastContactedAt,

        @Schema(description = "The version; the ETag of the contact.", example = "3")
        long version,

        @Nullable OffsetDateTime trashedAt,
        @Nullable UUID trashedBy,
        boolean masked) {

    static ExternalContact of(Contact c) {
        var f = c.fields();
        return new ExternalContact(
                c.id(),
                f.name(),
                f.mobile(),
                f.phones(),
                f.emails(),
                f.company(),
                f.title(),
                f.address(),
                f.remark(),
                f.gender(),
                f.birthday(),
                f.avatarUrl(),
                f.ownerId(),
                f.shareUserIds(),
                f.shareDeptIds(),
                f.collaboratorIds(),
                f.tagIds(),
                f.customFields(),
                f.externalIds(),
                c.source(),
                c.createdAt(),
                c.updatedAt(),
                c.lastContactedAt(),
                c.version(),
                c.trashedAt(),
                c.trashedBy(),
                c.masked());
    }
}
