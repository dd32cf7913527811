package io.liaison.chat.api;

import io.liaison.chat.conversation.Participant;
import io.liaison.chat.conversation.ParticipantService;
import io.liaison.identity.Actor;
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

    ParticipantController(ParticipantService participants) {
        this.participants = participants;
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

    @GetMapping("/participants")
    CursorPage<Participant> list(Actor actor, @PathVariable UUID id) {
        return new CursorPage<>(participants.list(actor, id), null);
    }

    @PostMapping("/participants")
    CursorPage<Participant> add(Actor actor, @PathVariable UUID id, @RequestBody AddParticipantsRequest request) {
        List<UUID> memberIds = Ids.given("memberIds", request.memberIds());
        return new CursorPage<>(participants.add(actor, id, memberIds), null);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/participants")
    void remove(Actor actor, @PathVariable UUID id, @RequestParam UUID memberId) {
        participants.remove(actor, id, memberId);
    }

    @PatchMapping(
            path = "/participants",
            consumes = {"application/merge-patch+json", "application/json"})
    Participant change(
            Actor actor, @PathVariable UUID id, @RequestParam UUID memberId, @RequestBody ParticipantChange body) {
        return participants.change(actor, id, memberId, body.role(), body.muted());
    }

    /** The caller leaves the group; its owner hands it over first. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(
            status = 409,
            description = "The owner hands the group over before leaving; a direct conversation cannot be left.",
            types = {"owner-cannot-leave", "direct-conversation"})
    @PostMapping("/leave")
    void leave(Actor actor, @PathVariable UUID id) {
        participants.leave(actor, id);
    }

    /** The owner makes another participant the owner and stays in as an admin. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/transfer")
    void transfer(Actor actor, @PathVariable UUID id, @RequestBody TransferRequest request) {
        if (request.memberId() == null) {
            throw LiaisonException.invalid("memberId", "invalid.required");
        }
        participants.transfer(actor, id, request.memberId());
    }
}
