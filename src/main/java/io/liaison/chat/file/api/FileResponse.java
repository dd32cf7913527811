package io.liaison.chat.file.api;

import io.liaison.chat.file.StoredFile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An uploaded file as the API shows it: its type is the one detected from its bytes. */
record FileResponse(
        UUID id,

        @Schema(description = "The name as uploaded, without path parts or control characters.", example = "报价单.pdf")
        String name,

        @Schema(description = "Bytes.", example = "183204") long size,

        @Schema(
                description = "Detected from the bytes, never taken from the name or the client.",
                example = "application/pdf")
        String mediaType,

        @Schema(description = "Whether it is an image with a preview at /api/v1/files/{id}/thumbnail.")
        boolean image,

        @Schema(description = "An image's width in pixels.", example = "1920") @Nullable
        Integer width,

        @Schema(description = "An image's height in pixels.", example = "1080") @Nullable
        Integer height,

        UUID uploadedBy,
        Instant createdAt) {

    static FileResponse of(StoredFile file) {
        return new FileResponse(
                file.id(),
                file.name(),
                file.size(),
                file.mediaType(),
                file.image(),
                file.width(),
                file.height(),
                file.uploadedBy(),
                file.createdAt());
    }
}
