package io.liaison.integration;

import io.liaison.shared.LiaisonProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Uploaded files in the data directory ({@code imports/<id>}), where a job reads them, after a
 * restart too, until they expire.
 */
@Component
class ImportFiles {

    private final Path directory;

    ImportFiles(LiaisonProperties properties) {
        this.directory = properties.dataDir().resolve("imports");
    }

    Path path(UUID id) {
        return directory.resolve(id.toString());
    }

    /** Stores the upload under {@code id}; answers its size. */
    long store(UUID id, InputStream content) {
        try (content) {
            Files.createDirectories(directory);
            Path target = path(id);
            Path partial = directory.resolve(id + ".part");
            long size = Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded file in " + directory, e);
        }
    }

    boolean exists(UUID id) {
        return Files.isRegularFile(path(id));
    }

    void delete(UUID id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
