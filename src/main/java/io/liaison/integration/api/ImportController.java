package io.liaison.integration.api;

import io.liaison.identity.Actor;
import io.liaison.integration.ImportOptions;
import io.liaison.integration.ImportService;
import io.liaison.integration.UploadLimit;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.Downloads;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ImportService imports;
    private final UploadLimit uploadLimit;
    private final JsonMapper json;

    ImportController(ImportService imports, UploadLimit uploadLimit, JsonMapper json) {
        this.imports = imports;
        this.uploadLimit = uploadLimit;
        this.json = json;
    }

    /** Starts an import of {@code file}, or of a file uploaded for a preview ({@code uploadId}). */
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResponse> start(
            Actor actor,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String uploadId,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable String match,
            @RequestParam(required = false) @Nullable String mapping,
            @RequestParam(required = false) @Nullable String dryRun,
            @RequestParam(required = false) @Nullable String defaultOwnerId,
            @RequestParam(required = false) @Nullable String createMissingTags,
            @RequestParam(required = false) @Nullable String sheet) {
        ImportOptions options = ImportOptions.read(
                format, mode, match, mapping, dryRun, defaultOwnerId, createMissingTags, sheet, json);
        var job = file != null && !file.isEmpty()
                ? imports.start(actor, uploadLimit.open(file), fileName(file), options)
                : imports.start(actor, upload(uploadId, file), options);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + job.id()))
                .body(ImportResponse.of(job));
    }

    /** Keeps the file for a later import by its id, and answers its first rows as they would be imported. */
    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportService.Preview preview(
            Actor actor,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable String match,
            @RequestParam(required = false) @Nullable String mapping,
            @RequestParam(required = false) @Nullable String defaultOwnerId,
            @RequestParam(required = false) @Nullable String createMissingTags,
            @RequestParam(required = false) @Nullable String sheet) {
        if (file == null || file.isEmpty()) {
            throw LiaisonException.invalid("file", "invalid.required");
        }
        ImportOptions options =
                ImportOptions.read(format, mode, match, mapping, null, defaultOwnerId, createMissingTags, sheet, json);
        return imports.preview(actor, uploadLimit.open(file), fileName(file), options);
    }

    @GetMapping
    List<ImportResponse> recent(Actor actor) {
        return imports.recent(actor).stream().map(ImportResponse::of).toList();
    }

    @GetMapping("/{id}")
    ImportResponse get(Actor actor, @PathVariable UUID id) {
        return ImportResponse.of(imports.get(actor, id));
    }

    @PostMapping("/{id}/cancel")
    ImportResponse cancel(Actor actor, @PathVariable UUID id) {
        return ImportResponse.of(imports.cancel(actor, id));
    }

    /** The rows that were not imported (and notes on rows imported in part), as CSV in UTF-8 with BOM. */
    @ApiResponse(
            responseCode = "200",
            description = "The rows not imported and why, as CSV in UTF-8 with BOM.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/{id}/errors")
    ResponseEntity<StreamingResponseBody> errors(Actor actor, @PathVariable UUID id) {
        imports.get(actor, id);
        // the answer is written on another thread, in the language of this request
        Locale locale = LocaleContextHolder.getLocale();
        return Downloads.attachment(
                "text/csv;charset=UTF-8",
                "import-" + id + "-errors.csv",
                out -> imports.writeProblems(actor, id, locale, out));
    }

    private static UUID upload(@Nullable String uploadId, @Nullable MultipartFile file) {
        if (uploadId == null || uploadId.isBlank()) {
            throw LiaisonException.invalid("file", file == null ? "invalid.file-or-upload" : "invalid.empty");
        }
        try {
            return UUID.fromString(uploadId.strip());
        } catch (IllegalArgumentException e) {
            throw LiaisonException.invalid("uploadId", "invalid.upload-id");
        }
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "upload" : name;
    }
}
