package io.liaison.contact;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An external contact as its readers see it. */
public record Contact(
        UUID id,
        ContactDraft fields,
        String source,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime lastContactedAt,
        long version,
        @Nullable OffsetDateTime trashedAt,
        @Nullable UUID trashedBy) {

    public String name() {
        return fields.name();
    }

    public UUID ownerId() {
        return fields.ownerId();
    }

    /** A phone number with an optional label such as "office". */
    public record Phone(@Nullable String label, String number) {}

    /** An e-mail address with an optional label. */
    public record Email(@Nullable String label, String address) {}

    /** The writable state of a contact, validated and normalised. */
    public record ContactDraft(
            String name,
            @Nullable String mobile,
            List<Phone> phones,
            List<Email> emails,
            @Nullable String company,
            @Nullable String title,
            @Nullable String address,
            @Nullable String remark,
            @Nullable String gender,
            @Nullable LocalDate birthday,
            @Nullable String avatarUrl,
            UUID ownerId,
            List<UUID> shareUserIds,
            List<UUID> shareDeptIds,
            List<UUID> tagIds,
            Map<String, Object> customFields,
            Map<String, String> externalIds) {

        public ContactDraft {
            phones = List.copyOf(phones);
            emails = List.copyOf(emails);
            shareUserIds = List.copyOf(shareUserIds);
            shareDeptIds = List.copyOf(shareDeptIds);
            tagIds = List.copyOf(tagIds);
            customFields = Map.copyOf(customFields);
            externalIds = Map.copyOf(externalIds);
        }
    }
}
