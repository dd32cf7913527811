package io.liaison.contact.api;

import io.liaison.contact.ContactBatch;
import io.liaison.contact.ContactLimits;
import io.liaison.shared.web.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One action over many contacts: what else it needs depends on the action. */
@KnownFieldsOnly
record BatchRequest(
        @Schema(
                allowableValues = {"tag", "untag", "assign", "share", "delete", "restore"},
                example = "tag")
        String action,

        @ArraySchema(minItems = 1, maxItems = ContactBatch.MAX)
        List<UUID> contactIds,

        @ArraySchema(
                maxItems = ContactLimits.TAGS,
                arraySchema = @Schema(description = "For tag and untag: the tags to add or remove."))
        @Nullable
        List<UUID> tagIds,

        @Schema(description = "For assign: the member who follows the contacts from now on.") @Nullable
        UUID ownerId,

        @ArraySchema(
                maxItems = ContactLimits.SHARES,
                arraySchema = @Schema(description = "For share: the members to share with."))
        @Nullable
        List<UUID> shareUserIds,

        @ArraySchema(
                maxItems = ContactLimits.SHARES,
                arraySchema = @Schema(description = "For share: the departments to share with."))
        @Nullable
        List<UUID> shareDeptIds,

        @ArraySchema(
                maxItems = ContactLimits.COLLABORATORS,
                arraySchema = @Schema(description = "For share: the members who may edit too."))
        @Nullable
        List<UUID> collaboratorIds) {}
