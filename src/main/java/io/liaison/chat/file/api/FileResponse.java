package io.liaison.chat.file.api;

import io.liaison.chat.file.StoredFile;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An uploaded file as the API shows it: its type is the one detected from its bytes. */
record FileResponse(
        UUID id,
        String name,
        long size,
        String mediaType,
        boolean image,
        @Nullable Integer width,
        @Nullable Integer height,
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
