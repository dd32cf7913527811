package io.liaison.contact.api;

import io.liaison.contact.Contact;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact as API.md describes it. */
record ContactResponse(
        UUID id,
        String name,
        @Nullable String mobile,
        List<Contact.Phone> phones,
        List<Contact.Email> emails,
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
        Map<String, String> externalIds,
        String source,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime lastContactedAt,
        long version,
        @Nullable OffsetDateTime trashedAt,
        @Nullable UUID trashedBy,
        boolean masked) {

    static ContactResponse of(Contact c) {
        var f = c.fields();
        return new ContactResponse(
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
