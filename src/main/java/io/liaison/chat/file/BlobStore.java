package io.liaison.chat.file;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.LiaisonProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The bytes of chat files under {@code <data dir>/files/}, named by their SHA-256 ({@code
 * ab/abcdef...}): identical bytes are stored once. An upload is written to a temporary file while
 * it is hashed and counted, never held in memory, and moved into place in one rename, so that a
 * reader never sees half a file and a crash leaves at most a temporary file behind.
 */
@Component
class BlobStore {

    private final Path root;
    private final Path incoming;

    BlobStore(LiaisonProperties properties) {
        this.root = properties.dataDir().resolve("files").toAbsolutePath();
        this.incoming = root.resolve("incoming");
    }

    /** Bytes received but not yet kept: kept by {@link #keep}, or deleted when closed. */
    record Received(Path file, String sha256, long size) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** Copies {@code in} to a temporary file, hashing it; refused (413) once it passes {@code maxBytes}. */
    Received receive(InputStream in, long maxBytes, String limit) throws IOException {
        Files.createDirectories(incoming);
        Path file = Files.createTempFile(incoming, "upload-", ".part");
        MessageDigest digest = sha256();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw LiaisonException.tooLarge("file-too-large", limit);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Received(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Moves received bytes to their place; when those bytes are stored already, the copy is dropped. */
    void keep(Received received) throws IOException {
        Path target = path(received.sha256());
        if (Files.exists(target)) {
            received.close();
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(received.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            received.close();
        }
    }

    /** Deletes the bytes with this hash and their previews; the caller has made sure no file row names them. */
    void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
        for (String format : List.of("jpg", "png")) {
            Files.deleteIfExists(thumbnail(sha256, format));
        }
    }

    Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Where the preview of these bytes is cached, once made. */
    Path thumbnail(String sha256, String format) {
        return root.resolve("thumbnails").resolve(sha256.substring(0, 2)).resolve(sha256 + "." + format);
    }

    /** A temporary file beside the others, for a preview being written before it is moved into place. */
    Path temporary() {
        try {
            Files.createDirectories(incoming);
            return Files.createTempFile(incoming, "thumbnail-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
