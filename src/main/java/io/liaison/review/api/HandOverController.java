package io.liaison.review.api;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.review.handover.HandOver;
import io.liaison.review.handover.HandOvers;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ProblemResponse;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hand-overs: started for a member, followed by id until done. Administrators ({@code review.handover}). */
@RestController
class HandOverController {

    private final HandOvers handOvers;
    private final MemberService members;

    HandOverController(HandOvers handOvers, MemberService members) {
        this.handOvers = handOvers;
        this.members = members;
    }

    @ProblemResponse(
            status = 409,
            description = "A hand-over of this member is still running.",
            types = "handover-running")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/v1/members/{id}/hand-over")
    ResponseEntity<HandOverResponse> start(Actor actor, @PathVariable UUID id, @RequestBody HandOverInput body) {
        if (body.toMemberId() == null) {
            throw LiaisonException.invalid("toMemberId", "invalid.required");
        }
        HandOver h = handOvers.start(
                actor,
                id,
                new HandOvers.Start(
                        body.toMemberId(),
                        body.filter() == null ? null : body.filter().contactFilter(),
                        body.include() == null ? HandOver.PARTS : body.include(),
                        body.channel(),
                        body.message()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/hand-overs/" + h.id()))
                .body(response(actor, h));
    }

    @GetMapping("/api/v1/hand-overs/{id}")
    HandOverResponse get(Actor actor, @PathVariable UUID id) {
        return response(actor, handOvers.get(actor, id));
    }

    private HandOverResponse response(Actor actor, HandOver h) {
        return HandOverResponse.of(h, members.displayNames(actor, List.of(h.fromMember(), h.toMember()), false));
    }
}
