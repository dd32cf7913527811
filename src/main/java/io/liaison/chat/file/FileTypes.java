package io.liaison.chat.file;

import io.liaison.shared.LiaisonException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of an upload, detected by Apache Tika from its bytes. The name only refines what
 * the bytes say (bytes of a ZIP named {@code .docx} are a Word document), never contradicts it: a
 * program named {@code photo.jpg} is a program, and bytes nobody recognises stay {@code
 * application/octet-stream} whatever their name.
 */
final class FileTypes {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

    /** Programs a click can start, refused whatever the file is called (their subtypes too). */
    private static final List<MediaType> PROGRAMS = List.of(
            MediaType.application("x-msdownload"),
            MediaType.application("x-dosexec"),
            MediaType.application("x-ms-installer"),
            MediaType.application("x-elf"),
            MediaType.application("x-mach-o"),
            MediaType.application("x-mach-o-universal"),
            MediaType.application("x-apple-diskimage"),
            MediaType.application("java-archive"),
            MediaType.application("x-sh"),
            MediaType.application("x-bat"),
            MediaType.text("x-vbscript"));

    private FileTypes() {}

    /** The type of the bytes in {@code file}; refused (400 naming {@code file}) for a program. */
    static MediaType detect(Path file, String name) throws IOException {
        MediaType fromBytes;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            fromBytes = TYPES.detect(in, new Metadata());
        }
        MediaType named = byName(name);
        MediaType type = !fromBytes.equals(MediaType.OCTET_STREAM) && REGISTRY.isSpecializationOf(named, fromBytes)
                ? named
                : fromBytes;
        for (MediaType program : PROGRAMS) {
            if (REGISTRY.isInstanceOf(type, program)) {
                throw LiaisonException.invalid("file", "invalid.file-program", type.toString());
            }
        }
        if (named.getType().equals("image") && !type.getType().equals("image")) {
            throw LiaisonException.invalid("file", "invalid.file-not-image", extension(name), type.toString());
        }
        return type;
    }

    private static MediaType byName(String name) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try {
            return TYPES.detect(null, metadata);
        } catch (IOException e) {
            // no stream is read when there is none
            throw new IllegalStateException(e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot);
    }
}
