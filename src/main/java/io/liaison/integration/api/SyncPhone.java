package io.liaison.integration.api;

import io.liaison.shared.PhoneNumbers;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A phone number of a synced contact with an optional label. */
record SyncPhone(
        @Schema(description = "Such as office or home.", example = "office") @Nullable
        String label,

        @Schema(
                description = "A phone number; normalised to E.164.",
                maxLength = PhoneNumbers.MAX_INPUT,
                example = "+862150501234")
        String number) {}
