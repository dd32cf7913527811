package io.liaison.chat.api;

import io.liaison.chat.ChatUser;
import io.liaison.chat.ChatUsers;
import io.liaison.chat.conversation.ConversationRow;
import io.liaison.chat.conversation.ConversationService;
import io.liaison.chat.conversation.ConversationService.Conversation;
import io.liaison.chat.message.MessageService;
import io.liaison.identity.Caller;
import io.liaison.shared.CursorPage;
import io.liaison.shared.MergePatch;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's conversations: internal and external groups and direct conversations. */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

    private static final Set<String> CREATABLE =
            Set.of("kind", "name", "memberIds", "contactIds", "tagIds", "settings");

    private final ConversationService conversations;
    private final MessageService messages;
    private final ChatUsers users;

    ConversationController(ConversationService conversations, MessageService messages, ChatUsers users) {
        this.conversations = conversations;
        this.messages = messages;
        this.users = users;
    }

    /** The group's settings; a setting left out (or null) stays as it is. */
    record SettingsBody(
            @Nullable Boolean guestsSeeParticipants,
            @Nullable Boolean guestsDownload,
            @Nullable Boolean guestsMentionAll,
            @Nullable Boolean guestsInvite,

            @Schema(description = "Announcement mode: only the owner and admins post.", example = "true") @Nullable
            Boolean adminsOnlyPost) {}

    record CreateConversationRequest(
            @Schema(
                    allowableValues = {"internal", "external", "direct"},
                    example = "external")
            @Nullable
            String kind,

            @Schema(maxLength = ConversationService.MAX_NAME, example = "华东客户群", description = "none for direct")
            @Nullable
            String name,

            @Schema(description = "The other members; exactly one for a direct conversation.") @Nullable
            List<UUID> memberIds,

            @Schema(description = "Contacts the caller may see (external groups only).") @Nullable
            List<UUID> contactIds,

            @Nullable List<UUID> tagIds,
            @Nullable SettingsBody settings) {}

    /** A change to a group (JSON Merge Patch); only its owner and admins change it. */
    @KnownFieldsOnly
    record ConversationPatch(
            @Schema(maxLength = ConversationService.MAX_NAME)
            Patch<String> name,

            @Schema(maxLength = ConversationService.MAX_ANNOUNCEMENT, description = "null takes it down")
            Patch<@Nullable String> announcement,

            Patch<SettingsBody> settings,
            Patch<List<UUID>> contactIds,
            Patch<List<UUID>> tagIds) {}

    @GetMapping
    CursorPage<ConversationResponse> list(
            Caller caller,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ChatUser user = users.of(caller);
        CursorPage<ConversationRow> page = conversations.mine(user, cursor, CursorPage.limit(limit));
        Map<UUID, MessageResponse> last = MessageResponse.latest(messages.latest(user, page.items()));
        List<ConversationResponse> items = conversations.withLinks(user, page.items()).stream()
                .map(c -> ConversationResponse.of(c, last.get(c.row().id())))
                .toList();
        return new CursorPage<>(items, page.nextCursor());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(
            responseCode = "200",
            description = "The direct conversation the pair already has.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ConversationResponse.class)))
    @PostMapping
    ResponseEntity<ConversationResponse> create(Caller caller, @RequestBody CreateConversationRequest request) {
        ChatUser user = users.of(caller);
        Conversation created = conversations.create(user, new MergePatch(Patch.fields(request), CREATABLE));
        String location = "/api/v1/conversations/" + created.row().id();
        ConversationResponse body = response(user, created);
        return created.created()
                ? ETags.created(location, body, created.row().version())
                : ETags.ok(body, created.row().version());
    }

    @GetMapping("/{id}")
    ResponseEntity<ConversationResponse> get(Caller caller, @PathVariable UUID id) {
        ChatUser user = users.of(caller);
        Conversation conversation = conversations.get(user, id);
        return ETags.ok(response(user, conversation), conversation.row().version());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ConversationResponse> update(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ConversationPatch body) {
        ChatUser user = users.of(caller);
        MergePatch patch = new MergePatch(Patch.fields(body), ConversationService.PATCHABLE);
        Conversation changed = conversations.update(user, id, patch, ETags.expected(ifMatch));
        return ETags.ok(response(user, changed), changed.row().version());
    }

    /** Dissolves the group (its owner only): the history stays readable, nothing more can be posted. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> dissolve(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ChatUser user = users.of(caller);
        conversations.dissolve(user, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }

    private ConversationResponse response(ChatUser user, Conversation conversation) {
        Map<UUID, MessageResponse> last = MessageResponse.latest(messages.latest(user, List.of(conversation.row())));
        return ConversationResponse.of(conversation, last.get(conversation.row().id()));
    }
}
