package io.liaison.chat.file;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Chat files ({@code liaison.chat.*}, set through {@code LIAISON_CHAT_MAX_FILE_SIZE} and {@code
 * LIAISON_CHAT_MAX_STORAGE}): the largest file one upload may carry, and the most bytes one
 * organization's uploads may take in all. A file no message carries is deleted once it is {@code
 * LIAISON_CHAT_UNATTACHED_FILE_RETENTION} old.
 */
@ConfigurationProperties("liaison.chat")
record FileSettings(
        @DefaultValue("100MB") DataSize maxFileSize,
        @DefaultValue("100GB") DataSize maxStorage,
        @DefaultValue("1d") Duration unattachedFileRetention) {

    /** The per-file limit as a person reads it in a problem ("100 MB"). */
    String fileLimit() {
        return readable(maxFileSize);
    }

    String storageLimit() {
        return readable(maxStorage);
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + " GB";
        }
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " B";
    }
}
