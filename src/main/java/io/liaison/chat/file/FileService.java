package io.liaison.chat.file;

import io.liaison.chat.ChatUser;
import io.liaison.chat.FileReaders;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.apache.tika.mime.MediaType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploading, reading and previewing chat files. An upload is received to disk, checked (size,
 * type, the organization's storage) and only then recorded, in a short transaction of its own so
 * that no connection waits on a slow upload. A file is read by its uploader or whoever the
 * conversations allow ({@link FileReaders}), members and guests alike; to anyone else, in any
 * organization, it does not exist.
 */
@Service
public class FileService {

    private final FileRepository files;
    private final BlobStore blobs;
    private final FileSettings settings;
    private final ObjectProvider<FileReaders> readers;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    FileService(
            FileRepository files,
            BlobStore blobs,
            FileSettings settings,
            ObjectProvider<FileReaders> readers,
            TransactionTemplate transactions) {
        this.files = files;
        this.blobs = blobs;
        this.settings = settings;
        this.readers = readers;
        this.transactions = transactions;
    }

    /** Stores {@code content}, uploaded as {@code name}, for {@code user}'s organization. */
    public StoredFile upload(ChatUser user, InputStream content, long declaredSize, String name) {
        long max = settings.maxFileSize().toBytes();
        if (declaredSize > max) {
            throw LiaisonException.tooLarge("file-too-large", settings.fileLimit());
        }
        String kept = FileNames.clean(name);
        try (BlobStore.Received received = blobs.receive(content, max, settings.fileLimit())) {
            if (received.size() == 0) {
                throw LiaisonException.invalid("file", "invalid.empty-file");
            }
            MediaType type = FileTypes.detect(received.file(), kept);
            Optional<Images.Size> size =
                    type.getType().equals("image") ? Images.size(received.file()) : Optional.empty();
            StoredFile file = new StoredFile(
                    user.orgId(),
                    Ids.newId(),
                    kept,
                    received.size(),
                    received.sha256(),
                    type.toString(),
                    size.isPresent(),
                    size.map(Images.Size::width).orElse(null),
                    size.map(Images.Size::height).orElse(null),
                    user.kind(),
                    user.id(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            transactions.executeWithoutResult(status -> {
                if (!files.reserve(
                        user.orgId(), file.size(), settings.maxStorage().toBytes())) {
                    throw LiaisonException.tooLarge("file-storage-full", settings.storageLimit());
                }
                files.lockContent(file.sha256());
                files.insert(file);
                // kept inside the transaction: a row is never committed without its bytes in place
                keep(received);
            });
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file with {@code id} if {@code user} may read it; not found otherwise. */
    public StoredFile get(ChatUser user, UUID id) {
        return files.find(user.orgId(), id)
                .filter(file -> mayRead(user, file))
                .orElseThrow(() -> LiaisonException.notFound("file", id));
    }

    /** Where the bytes of a file are. */
    public Path content(StoredFile file) {
        return blobs.path(file.sha256());
    }

    /** The preview of an image {@code user} may read, made once and kept; not found for other files. */
    public Preview preview(ChatUser user, UUID id) {
        StoredFile file = get(user, id);
        if (!file.image()) {
            throw LiaisonException.notFound("file-preview", id);
        }
        String format = file.mediaType().equals("image/png") || file.mediaType().equals("image/gif") ? "png" : "jpg";
        Path target = blobs.thumbnail(file.sha256(), format);
        if (!Files.exists(target)) {
            Path temporary = blobs.temporary();
            try {
                try {
                    Images.preview(content(file), temporary, format);
                } catch (IOException | RuntimeException e) {
                    // a header that reads over data that does not (a truncated or forged image): no preview
                    throw LiaisonException.notFound("file-preview", id);
                }
                Files.createDirectories(target.getParent());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(temporary);
            }
        }
        return new Preview(file, target, format.equals("png") ? "image/png" : "image/jpeg");
    }

    /** An image's preview file and its media type. */
    public record Preview(StoredFile file, Path path, String mediaType) {}

    boolean mayRead(ChatUser user, StoredFile file) {
        if (file.uploadedBy().equals(user.id()) && file.uploaderKind().equals(user.kind())) {
            return true;
        }
        FileReaders others = readers.getIfAvailable();
        return others != null && others.mayRead(user, file.id());
    }

    private void keep(BlobStore.Received received) {
        try {
            blobs.keep(received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless and overwritten by nobody
        }
    }
}
