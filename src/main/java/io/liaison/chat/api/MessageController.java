package io.liaison.chat.api;

import io.liaison.chat.ChatUser;
import io.liaison.chat.ChatUsers;
import io.liaison.chat.message.MessageService;
import io.liaison.chat.message.MessageService.NewMessage;
import io.liaison.identity.Caller;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The messages of a conversation the caller is in, and their read mark. */
@RestController
@RequestMapping("/api/v1/conversations/{id}")
class MessageController {

    private final MessageService messages;
    private final ChatUsers users;
    private final MessageResponses responses;

    MessageController(MessageService messages, ChatUsers users, MessageResponses responses) {
        this.messages = messages;
        this.users = users;
        this.responses = responses;
    }

    record PostMessageRequest(
            @Schema(
                    maxLength = MessageService.MAX_TEXT,
                    example = "**报价**见附件",
                    description = "Markdown; raw HTML is shown as text")
            @Nullable
            String text,

            @Nullable UUID replyTo,

            @ArraySchema(
                    maxItems = MessageService.MAX_MENTIONS,
                    schema =
                            @Schema(description = "A participant's member id, or all", maxLength = 36, example = "all"))
            @Nullable
            List<String> mentions,

            @Schema(description = "Files uploaded through /api/v1/files, in the order shown") @Nullable
            List<UUID> fileIds) {}

    @KnownFieldsOnly
    record EditMessageRequest(
            @Schema(maxLength = MessageService.MAX_TEXT, example = "*改过的*报价") @Nullable
            String text,

            @ArraySchema(
                    maxItems = MessageService.MAX_MENTIONS,
                    schema =
                            @Schema(description = "A participant's member id, or all", maxLength = 36, example = "all"))
            @Nullable
            List<String> mentions) {}

    record ReadRequest(
            @Schema(description = "The last sequence number read", example = "42") @Nullable
            Long seq) {}

    @GetMapping("/messages")
    CursorPage<MessageResponse> list(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Long afterSeq,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ChatUser user = users.of(caller);
        return responses.page(user.orgId(), messages.page(user, id, afterSeq, cursor, CursorPage.limit(limit)));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(
            status = 409,
            description = "The conversation was dissolved.",
            types = {"conversation-dissolved"})
    @PostMapping("/messages")
    MessageResponse post(Caller caller, @PathVariable UUID id, @RequestBody PostMessageRequest request) {
        ChatUser user = users.of(caller);
        NewMessage message = new NewMessage(
                request.text(), request.replyTo(), texts(request.mentions()), Ids.given("fileIds", request.fileIds()));
        return responses.one(user.orgId(), messages.post(user, id, message));
    }

    @PatchMapping(
            path = "/messages/{messageId}",
            consumes = {"application/merge-patch+json", "application/json"})
    MessageResponse edit(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID messageId,
            @RequestBody EditMessageRequest request) {
        ChatUser user = users.of(caller);
        return responses.one(
                user.orgId(), messages.edit(user, id, messageId, request.text(), texts(request.mentions())));
    }

    @ProblemResponse(
            status = 409,
            description = "The recall window has passed, or the message was already recalled.",
            types = {"recall-window-passed", "message-recalled"})
    @PostMapping("/messages/{messageId}/recall")
    MessageResponse recall(Caller caller, @PathVariable UUID id, @PathVariable UUID messageId) {
        ChatUser user = users.of(caller);
        return responses.one(user.orgId(), messages.recall(user, id, messageId));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/read")
    void read(Caller caller, @PathVariable UUID id, @RequestBody ReadRequest request) {
        ChatUser user = users.of(caller);
        if (request.seq() == null) {
            throw LiaisonException.invalid("seq", "invalid.required");
        }
        messages.read(user, id, request.seq());
    }

    private static List<String> texts(@Nullable List<@Nullable String> given) {
        if (given == null) {
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                throw LiaisonException.invalid("mentions[" + i + "]", "invalid.empty");
            }
        }
        return given.stream().map(String::valueOf).toList();
    }
}
