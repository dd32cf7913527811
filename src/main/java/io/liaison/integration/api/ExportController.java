package io.liaison.integration.api;

import io.liaison.identity.Actor;
import io.liaison.integration.ExportJob;
import io.liaison.integration.ExportService;
import io.liaison.shared.web.Downloads;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exports")
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping
    ResponseEntity<ExportResponse> start(Actor actor, @RequestBody ExportInput body) {
        ExportJob job = exports.start(actor, Patch.fields(body));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/exports/" + job.id()))
                .body(ExportResponse.of(job, actor.organizationTimeZone()));
    }

    @GetMapping
    List<ExportResponse> recent(Actor actor) {
        return exports.recent(actor).stream()
                .map(j -> ExportResponse.of(j, actor.organizationTimeZone()))
                .toList();
    }

    @GetMapping("/{id}")
    ExportResponse get(Actor actor, @PathVariable UUID id) {
        return ExportResponse.of(exports.get(actor, id), actor.organizationTimeZone());
    }

    /** The file, streamed from disk. */
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment in the export's format.",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "text/vcard", schema = @Schema(type = "string", format = "binary"))
            })
    @ProblemResponse(status = 409, description = "The export has not finished yet.", types = "export-not-ready")
    @ProblemResponse(
            status = 410,
            description = "The export's file has expired; export again.",
            types = "export-expired")
    @GetMapping("/{id}/file")
    ResponseEntity<Resource> file(Actor actor, @PathVariable UUID id) {
        ExportJob job = exports.get(actor, id);
        return Downloads.attachment(
                job.mediaType(),
                job.fileName(actor.organizationTimeZone()),
                new FileSystemResource(exports.file(actor, id)));
    }
}
