package io.liaison.chat.file.api;

import io.liaison.chat.ChatUsers;
import io.liaison.chat.file.FileService;
import io.liaison.chat.file.StoredFile;
import io.liaison.identity.Caller;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files for chat messages: uploaded as multipart field {@code file}, answered with the type detected
 * from their bytes, never sniffed by the browser, and saved under their name (Chinese included)
 * unless they are an image, which the browser shows. Members and guests alike upload and read them.
 */
@RestController
@RequestMapping("/api/v1/files")
class FileController {

    private final FileService files;
    private final ChatUsers users;

    FileController(FileService files, ChatUsers users) {
        this.files = files;
        this.users = users;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(
            status = 413,
            description = "The file is larger than the limit the problem names, or the organization's files would"
                    + " take more than its storage limit.",
            types = {"body-too-large", "file-too-large", "file-storage-full"})
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileResponse> upload(Caller caller, @RequestParam(required = false) @Nullable MultipartFile file) {
        if (file == null) {
            throw LiaisonException.invalid("file", "invalid.required");
        }
        String name = file.getOriginalFilename();
        StoredFile stored;
        try (InputStream content = file.getInputStream()) {
            stored = files.upload(users.of(caller), content, file.getSize(), name == null ? "" : name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create("/api/v1/files/" + stored.id()))
                .body(FileResponse.of(stored));
    }

    @ApiResponse(
            responseCode = "200",
            description = "The file's bytes, with the type detected from them.",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ProblemResponse(
            status = 403,
            description = "A guest, where the group the file was shared in does not let guests download files.",
            types = {"forbidden"})
    @GetMapping("/{id}")
    ResponseEntity<Resource> download(Caller caller, @PathVariable UUID id) {
        StoredFile file = files.get(users.of(caller), id);
        ContentDisposition disposition = (file.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8)
                .build();
        return bytes(file.sha256(), file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(new FileSystemResource(files.content(file)));
    }

    @ApiResponse(
            responseCode = "200",
            description = "A preview of an image, at most 320 pixels on its longer side, as JPEG or PNG.",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))
            })
    @ProblemResponse(
            status = 404,
            description = "No such file, or the actor may not read it, or it is not an image.",
            types = {"file-not-found", "file-preview-not-found"})
    @ProblemResponse(
            status = 403,
            description = "A guest, where the group the file was shared in does not let guests download files.",
            types = {"forbidden"})
    @GetMapping("/{id}/thumbnail")
    ResponseEntity<Resource> thumbnail(Caller caller, @PathVariable UUID id) {
        FileService.Preview preview = files.preview(users.of(caller), id);
        return bytes(preview.file().sha256() + "-preview", preview.mediaType())
                .body(new FileSystemResource(preview.path()));
    }

    /** What both answers say of their bytes: the type, not to be sniffed, and a tag that never changes. */
    private static ResponseEntity.BodyBuilder bytes(String tag, String mediaType) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .eTag("\"" + tag + "\"")
                // a file's bytes never change, but who may read it does: only the reader's own cache
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff");
    }
}
