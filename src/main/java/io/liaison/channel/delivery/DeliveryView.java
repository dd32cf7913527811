package io.liaison.channel.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivery as its log shows it. {@code request} and {@code answer} are what the adapter recorded,
 * with every secret already replaced by {@code ***}; {@code reason} is the stored reason, said in the
 * reader's language by the caller.
 */
public record DeliveryView(
        UUID id,
        @Nullable UUID channelId,
        @Nullable String emailAddress,
        @Nullable String kind,
        String originModule,
        @Nullable UUID originId,
        boolean urgent,
        int part,
        int parts,
        String title,

        @Schema(
                allowableValues = {"queued", "sending", "sent", "failed", "skipped"},
                example = "failed")
        String state,

        int attempts,
        Instant nextAttemptAt,
        @Nullable String request,
        @Nullable String answer,
        @Nullable String reason,
        Instant createdAt,
        @Nullable Instant endedAt) {

    /** The same delivery with {@code reason} in other words (the stored one said in a language). */
    public DeliveryView withReason(@Nullable String said) {
        return new DeliveryView(
                id,
                channelId,
                emailAddress,
                kind,
                originModule,
                originId,
                urgent,
                part,
                parts,
                title,
                state,
                attempts,
                nextAttemptAt,
                request,
                answer,
                said,
                createdAt,
                endedAt);
    }
}
