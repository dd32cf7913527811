package io.liaison.chat.api;

import io.liaison.chat.ChatUser;
import io.liaison.chat.ChatUsers;
import io.liaison.chat.conversation.Participant;
import io.liaison.chat.conversation.ParticipantService;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who is in a conversation: added, removed, muted and promoted by its owner and admins; leaving; handing over. */
@RestController
@RequestMapping("/api/v1/conversations/{id}")
class ParticipantController {

    private final ParticipantService participants;
    private final ChatUsers users;

    ParticipantController(ParticipantService participants, ChatUsers users) {
        this.participants = participants;
        this.users = users;
    }

    record AddParticipantsRequest(
            @ArraySchema(
                    maxItems = 500,
                    arraySchema = @Schema(description = "Active members of the organization"),
                    schema = @Schema(example = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"))
            @Nullable
            List<UUID> memberIds) {}

    @KnownFieldsOnly
    record ParticipantChange(
            @Schema(
                    allowableValues = {"admin", "member"},
                    description = "The owner's to change",
                    example = "admin")
            @Nullable
            String role,

            @Schema(description = "A muted participant cannot post") @Nullable
            Boolean muted) {}

    record TransferRequest(
            @Schema(
                    description = "The participant who becomes the owner",
                    example = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
            @Nullable
            UUID memberId) {}

    /**
     * Who is in the group: members and guests, with their names. A guest in a group whose setting
     * guestsSeeParticipants is off sees only themselves, the owner and the admins.
     */
    @GetMapping("/participants")
    CursorPage<Participant> list(Caller caller, @PathVariable UUID id) {
        ChatUser user = users.of(caller);
        return new CursorPage<>(participants.list(user, id), null);
    }

    @PostMapping("/participants")
    CursorPage<Participant> add(Caller caller, @PathVariable UUID id, @RequestBody AddParticipantsRequest request) {
        ChatUser user = users.of(caller);
        List<UUID> memberIds = Ids.given("memberIds", request.memberIds());
        return new CursorPage<>(participants.add(user, id, memberIds), null);
    }

    /**
     * Removes a member ({@code memberId}) or a guest ({@code guestId}); a guest removed from their last
     * group loses their access at once.
     */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/participants")
    void remove(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID memberId,
            @RequestParam(required = false) @Nullable UUID guestId) {
        ChatUser user = users.of(caller);
        if (one(memberId, guestId)) {
            participants.remove(user, id, memberId);
        } else {
            participants.removeGuest(user, id, guestId);
        }
    }

    @PatchMapping(
            path = "/participants",
            consumes = {"application/merge-patch+json", "application/json"})
    /** Changes a member's role or mutes a member ({@code memberId}) or a guest ({@code guestId}). */
    Participant change(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID memberId,
            @RequestParam(required = false) @Nullable UUID guestId,
            @RequestBody ParticipantChange body) {
        ChatUser user = users.of(caller);
        return one(memberId, guestId)
                ? participants.change(user, id, memberId, body.role(), body.muted())
                : participants.changeGuest(user, id, guestId, body.role(), body.muted());
    }

    /** The caller leaves the group; its owner hands it over first. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(
            status = 409,
            description = "The owner hands the group over before leaving; a direct conversation cannot be left.",
            types = {"owner-cannot-leave", "direct-conversation"})
    @PostMapping("/leave")
    void leave(Caller caller, @PathVariable UUID id) {
        ChatUser user = users.of(caller);
        participants.leave(user, id);
    }

    /** The owner makes another participant the owner and stays in as an admin. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/transfer")
    void transfer(Caller caller, @PathVariable UUID id, @RequestBody TransferRequest request) {
        ChatUser user = users.of(caller);
        if (request.memberId() == null) {
            throw LiaisonException.invalid("memberId", "invalid.required");
        }
        participants.transfer(user, id, request.memberId());
    }

    /** True for a member, false for a guest; exactly one of the two is given. */
    private static boolean one(@Nullable UUID memberId, @Nullable UUID guestId) {
        if ((memberId == null) == (guestId == null)) {
            throw LiaisonException.invalid("memberId", "invalid.member-or-guest");
        }
        return memberId != null;
    }
}
