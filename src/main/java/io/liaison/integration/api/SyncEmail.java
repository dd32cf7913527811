package io.liaison.integration.api;

import io.liaison.contact.ContactLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An e-mail address of a synced contact with an optional label. */
record SyncEmail(
        @Schema(description = "Such as work or home.", example = "work") @Nullable
        String label,

        @Schema(format = "email", maxLength = ContactLimits.EMAIL, example = "zhang@example.com")
        String address) {}
