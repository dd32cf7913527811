package io.liaison.chat.api;

import io.liaison.chat.ChatUser;
import io.liaison.chat.ChatUsers;
import io.liaison.chat.message.MessageSearch;
import io.liaison.identity.Caller;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search of the messages of the caller's conversations. */
@RestController
class MessageSearchController {

    private final MessageSearch search;
    private final ChatUsers users;
    private final MessageResponses responses;

    MessageSearchController(MessageSearch search, ChatUsers users, MessageResponses responses) {
        this.search = search;
        this.users = users;
        this.responses = responses;
    }

    @ProblemResponse(
            status = 404,
            description = "conversationId names no conversation the caller is in.",
            types = {"conversation-not-found"})
    @GetMapping("/api/v1/messages/search")
    CursorPage<MessageResponse> search(
            Caller caller,
            @Parameter(
                            description = "A piece of the text, such as a Chinese word of one or two characters",
                            schema = @Schema(maxLength = MessageSearch.MAX_QUERY, example = "报价"))
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @RequestParam(required = false) @Nullable UUID conversationId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ChatUser user = users.of(caller);
        return responses.page(user.orgId(), search.search(user, q, conversationId, cursor, CursorPage.limit(limit)));
    }
}
