package io.liaison.integration.api;

import io.liaison.identity.Actor;
import io.liaison.integration.ExportJob;
import io.liaison.integration.ExportService;
import io.liaison.shared.web.Downloads;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exports")
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @PostMapping
    ResponseEntity<ExportResponse> start(Actor actor, @RequestBody Map<String, @Nullable Object> body) {
        ExportJob job = exports.start(actor, body);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/exports/" + job.id()))
                .body(ExportResponse.of(job));
    }

    @GetMapping
    List<ExportResponse> recent(Actor actor) {
        return exports.recent(actor).stream().map(ExportResponse::of).toList();
    }

    @GetMapping("/{id}")
    ExportResponse get(Actor actor, @PathVariable UUID id) {
        return ExportResponse.of(exports.get(actor, id));
    }

    /** The file, streamed from disk. */
    @GetMapping("/{id}/file")
    ResponseEntity<Resource> file(Actor actor, @PathVariable UUID id) {
        ExportJob job = exports.get(actor, id);
        return Downloads.attachment(job.mediaType(), job.fileName(), new FileSystemResource(exports.file(actor, id)));
    }
}
