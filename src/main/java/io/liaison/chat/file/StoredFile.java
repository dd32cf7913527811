package io.liaison.chat.file;

import io.liaison.chat.ChatFile;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A file row: an upload of an organization and where its bytes are ({@code sha256}); uploaded by a
 * member or a guest ({@code uploaderKind}).
 */
public record StoredFile(
        UUID orgId,
        UUID id,
        String name,
        long size,
        String sha256,
        String mediaType,
        boolean image,
        @Nullable Integer width,
        @Nullable Integer height,
        String uploaderKind,
        UUID uploadedBy,
        Instant createdAt) {

    ChatFile chatFile() {
        return new ChatFile(id, name, mediaType, size, image, createdAt);
    }
}
