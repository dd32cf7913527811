package io.liaison.contact;

import io.liaison.access.Masking;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An external contact as its readers see it; {@code masked} when its mobile, phones and e-mails
 * are shown masked to the reader.
 */
public record Contact(
        UUID id,
        ContactDraft fields,
        String source,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime lastContactedAt,
        long version,
        @Nullable OffsetDateTime trashedAt,
        @Nullable UUID trashedBy,
        boolean masked) {

    /** The contact as an actor who may not see its details in full sees it. */
    public Contact maskedView() {
        if (masked) {
            return this;
        }
        ContactDraft f = fields;
        ContactDraft hidden = new ContactDraft(
                f.name(),
                f.mobile() == null ? null : Masking.phone(f.mobile()),
                f.phones().stream()
                        .map(p -> new Phone(p.label(), Masking.phone(p.number())))
                        .toList(),
                f.emails().stream()
                        .map(e -> new Email(e.label(), Masking.email(e.address())))
                        .toList(),
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
                f.externalIds());
        return new Contact(
                id, hidden, source, createdAt, updatedAt, lastContactedAt, version, trashedAt, trashedBy, true);
    }

    public String name() {
        return fields.name();
    }

    public UUID ownerId() {
        return fields.ownerId();
    }

    /** A phone number with an optional label such as "office". */
    public record Phone(
            @Schema(example = "office") @Nullable String label,
            @Schema(example = "+862150501234") String number) {}

    /** An e-mail address with an optional label. */
    public record Email(
            @Schema(example = "work") @Nullable String label,

            @Schema(format = "email", example = "wangfang@example.com")
            String address) {}

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
            List<UUID> collaboratorIds,
            List<UUID> tagIds,
            Map<String, Object> customFields,
            Map<String, String> externalIds) {

        public ContactDraft {
            phones = List.copyOf(phones);
            emails = List.copyOf(emails);
            shareUserIds = List.copyOf(shareUserIds);
            shareDeptIds = List.copyOf(shareDeptIds);
            collaboratorIds = List.copyOf(collaboratorIds);
            tagIds = List.copyOf(tagIds);
            customFields = Map.copyOf(customFields);
            externalIds = Map.copyOf(externalIds);
        }

        /** The same fields with the tags and custom field values as the checks answered them. */
        ContactDraft withChecked(List<UUID> checkedTagIds, Map<String, Object> checkedCustomFields) {
            return new ContactDraft(
                    name,
                    mobile,
                    phones,
                    emails,
                    company,
                    title,
                    address,
                    remark,
                    gender,
                    birthday,
                    avatarUrl,
                    ownerId,
                    shareUserIds,
                    shareDeptIds,
                    collaboratorIds,
                    checkedTagIds,
                    checkedCustomFields,
                    externalIds);
        }
    }
}
