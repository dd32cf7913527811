package io.liaison.chat.api;

import io.liaison.chat.ChatUsers;
import io.liaison.chat.history.HistoryExport;
import io.liaison.identity.Caller;
import io.liaison.shared.web.Downloads;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A group's history as a file, for its owner and admins; every export is in the audit log. */
@RestController
class ConversationExportController {

    private final HistoryExport exports;
    private final ChatUsers users;

    ConversationExportController(HistoryExport exports, ChatUsers users) {
        this.exports = exports;
        this.users = users;
    }

    @ApiResponse(
            responseCode = "200",
            description = "The history as an attachment, oldest message first, times in the reader's time zone.",
            content = {
                @Content(mediaType = "text/plain", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))
            })
    @ProblemResponse(
            status = 422,
            description = "The group has more messages than one export holds.",
            types = {"export-too-large"})
    @GetMapping("/api/v1/conversations/{id}/export")
    ResponseEntity<StreamingResponseBody> export(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {HistoryExport.TXT, HistoryExport.CSV},
                                            defaultValue = "txt"))
                    @RequestParam(required = false)
                    @Nullable
                    String format) {
        HistoryExport.Export export = exports.start(users.of(caller), id, format, LocaleContextHolder.getLocale());
        return Downloads.attachment(
                export.mediaType(), export.fileName(Instant.now()), out -> exports.write(export, out));
    }
}
