package io.liaison.chat.api;

import io.liaison.chat.ChatUsers;
import io.liaison.chat.conversation.InvitationService;
import io.liaison.chat.conversation.InvitationService.Invited;
import io.liaison.chat.conversation.InvitationService.Open;
import io.liaison.identity.Caller;
import io.liaison.identity.GuestInvitation;
import io.liaison.identity.OpenInvitation;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations of external contacts into an external group as guests: any member in the group invites
 * a contact they may see (as in DingTalk's customer groups); a guest, where the group lets guests
 * invite, one of the group's linked contacts. The link is shown once, in the answer.
 */
@RestController
@RequestMapping("/api/v1/conversations/{id}/invitations")
class InvitationController {

    private final InvitationService invitations;
    private final ChatUsers users;

    InvitationController(InvitationService invitations, ChatUsers users) {
        this.invitations = invitations;
        this.users = users;
    }

    record InviteRequest(
            @Schema(
                    description = "The contact to invite: one the caller may see (a guest: one the group links to)",
                    example = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
            @Nullable
            UUID contactId) {}

    record InvitationResponse(
            UUID id,

            @Schema(
                    description = "The one-time link to accept the invitation; shown only in this answer.",
                    example = "https://liaison.example/guest/join/Qm9vayBhIG1lZXRpbmcgd2l0aCBMaSBMZWkgbmV4dCB3ZWVr")
            String url,

            OffsetDateTime expiresAt,

            @Schema(description = "Whether the link was e-mailed to the contact; if not, copy it to them.")
            boolean emailed) {}

    record OpenInvitationResponse(
            UUID id,
            UUID contactId,
            @Schema(example = "李雷") String contactName,

            @Schema(description = "The member who invited; null when a guest did") @Nullable
            UUID invitedBy,

            @Schema(description = "The guest who invited; null when a member did") @Nullable
            UUID invitedByGuest,

            OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {

        static OpenInvitationResponse of(Open open) {
            OpenInvitation i = open.invitation();
            return new OpenInvitationResponse(
                    i.id(),
                    i.contactId(),
                    open.contactName(),
                    i.invitedBy(),
                    i.invitedByGuest(),
                    i.createdAt(),
                    i.expiresAt());
        }
    }

    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(
            status = 409,
            description = "The group is not external or was dissolved, the contact's guest is already in it, or"
                    + " the group has as many open invitations as it may.",
            types = {"invitation-external-only", "conversation-dissolved", "guest-already-in", "too-many-invitations"})
    @PostMapping
    ResponseEntity<InvitationResponse> invite(
            Caller caller, @PathVariable UUID id, @RequestBody InviteRequest request) {
        if (request.contactId() == null) {
            throw LiaisonException.invalid("contactId", "invalid.required");
        }
        Invited invited = invitations.invite(users.of(caller), id, request.contactId());
        GuestInvitation invitation = invited.invitation();
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + id + "/invitations/" + invitation.id()))
                .body(new InvitationResponse(
                        invitation.id(), invitation.url(), invitation.expiresAt(), invited.emailed()));
    }

    /** The group's open invitations, for its settings: a member sees all of them, a guest their own. */
    @GetMapping
    CursorPage<OpenInvitationResponse> list(Caller caller, @PathVariable UUID id) {
        return new CursorPage<>(
                invitations.open(users.of(caller), id).stream()
                        .map(OpenInvitationResponse::of)
                        .toList(),
                null);
    }

    /** Revokes an open invitation: the group's owner and admins any, the others their own. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{invitationId}")
    void revoke(Caller caller, @PathVariable UUID id, @PathVariable UUID invitationId) {
        invitations.revoke(users.of(caller), id, invitationId);
    }
}
