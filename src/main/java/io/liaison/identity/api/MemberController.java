package io.liaison.identity.api;

import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.MemberFilter;
import io.liaison.identity.MemberService;
import io.liaison.identity.NewMember;
import io.liaison.shared.CursorPage;
import io.liaison.shared.MergePatch;
import io.liaison.shared.TimeZones;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

@RestController
@RequestMapping("/api/v1/members")
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    record CreateMemberRequest(
            @Schema(pattern = MemberService.LOGIN_PATTERN, example = "wangfang") @Nullable
            String login,

            @Schema(maxLength = MemberService.MAX_DISPLAY_NAME, example = "王芳") @Nullable
            String displayName,

            @Schema(pattern = MemberService.MOBILE_PATTERN, example = "+8613800138000") @Nullable
            String mobile,

            @Schema(format = "email", maxLength = MemberService.MAX_EMAIL, example = "wangfang@example.com") @Nullable
            String email,

            @Schema(pattern = MemberService.ROLE_PATTERN, example = "MEMBER") @Nullable
            String role,

            @ArraySchema(maxItems = MemberService.MAX_DEPARTMENTS) @Nullable
            List<UUID> departmentIds,

            @Schema(
                    minLength = MemberService.MIN_PASSWORD,
                    maxLength = MemberService.MAX_PASSWORD,
                    format = "password",
                    example = "correct-horse-42")
            @Nullable
            String password) {}

    /** A change to a member (JSON Merge Patch): a field left out stays as it is, null clears it. */
    @KnownFieldsOnly
    record MemberPatch(
            @Schema(maxLength = MemberService.MAX_DISPLAY_NAME, example = "李四")
            Patch<String> displayName,

            @Schema(
                    description = "Digits, optionally starting with +.",
                    pattern = MemberService.MOBILE_PATTERN,
                    example = "+8613900139000")
            Patch<@Nullable String> mobile,

            @Schema(format = "email", maxLength = MemberService.MAX_EMAIL, example = "li@example.com")
            Patch<@Nullable String> email,

            @Schema(
                    allowableValues = {"zh-CN", "en"},
                    example = "zh-CN")
            Patch<@Nullable String> locale,

            @Schema(
                    description = "The member's own IANA time zone; null follows the organization's.",
                    maxLength = TimeZones.MAX_LENGTH,
                    example = "Asia/Shanghai")
            Patch<@Nullable String> timeZone,

            @Schema(
                    description = "ADMIN, MANAGER, MEMBER or a custom role's id.",
                    pattern = MemberService.ROLE_PATTERN,
                    example = "MEMBER")
            Patch<String> role,

            @ArraySchema(maxItems = MemberService.MAX_DEPARTMENTS)
            Patch<@Nullable List<UUID>> departmentIds,

            @Schema(
                    description = "A new password.",
                    minLength = MemberService.MIN_PASSWORD,
                    maxLength = MemberService.MAX_PASSWORD,
                    format = "password",
                    example = "correct horse battery")
            Patch<String> password) {}

    @GetMapping
    CursorPage<MemberResponse> list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return members.list(actor, new MemberFilter(q, departmentId, includeInactive), cursor, CursorPage.limit(limit))
                .map(MemberResponse::of);
    }

    @ProblemResponse(
            status = 409,
            description = "The login is used by another member of the organization.",
            types = "login-taken")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<MemberResponse> create(Actor actor, @RequestBody CreateMemberRequest request) {
        Member created = members.create(
                actor,
                new NewMember(
                        request.login(),
                        request.displayName(),
                        request.mobile(),
                        request.email(),
                        request.role(),
                        request.departmentIds() == null ? List.of() : request.departmentIds(),
                        request.password()));
        return ETags.created("/api/v1/members/" + created.id(), MemberResponse.of(created), created.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<MemberResponse> get(Actor actor, @PathVariable UUID id) {
        return withETag(members.get(actor, id));
    }

    @ProblemResponse(
            status = 409,
            description = "The login is used by another member of the organization.",
            types = "login-taken")
    @ProblemResponse(
            status = 422,
            description = "The change would leave the organization without an active administrator.",
            types = "last-administrator")
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<MemberResponse> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody MemberPatch body) {
        MergePatch patch = new MergePatch(Patch.fields(body), MemberService.PATCHABLE);
        return withETag(members.update(actor, id, patch, ETags.expected(ifMatch)));
    }

    @ProblemResponse(
            status = 422,
            description = "Members cannot deactivate themselves, nor the last active administrator.",
            types = {"cannot-deactivate-self", "last-administrator"})
    @PostMapping("/{id}/deactivate")
    ResponseEntity<MemberResponse> deactivate(Actor actor, @PathVariable UUID id) {
        return withETag(members.deactivate(actor, id));
    }

    @PostMapping("/{id}/activate")
    ResponseEntity<MemberResponse> activate(Actor actor, @PathVariable UUID id) {
        return withETag(members.activate(actor, id));
    }

    private static ResponseEntity<MemberResponse> withETag(Member member) {
        return ETags.ok(MemberResponse.of(member), member.version());
    }
}
