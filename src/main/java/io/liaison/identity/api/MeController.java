package io.liaison.identity.api;

import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.Guest;
import io.liaison.identity.MemberService;
import io.liaison.identity.Permission;
import io.liaison.identity.internal.ActorAuthentication;
import io.liaison.identity.internal.GuestAuthentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final DepartmentService departments;
    private final MemberService members;

    MeController(DepartmentService departments, MemberService members) {
        this.departments = departments;
        this.members = members;
    }

    record Org(
            UUID id,
            @Schema(example = "杭州丝绸") String name,
            @Schema(example = "hz-silk") String code) {}

    record Dept(UUID id, @Schema(example = "华东销售部") String name) {}

    record MeResponse(
            UUID id,
            @Schema(allowableValues = "member") String kind,
            @Schema(example = "wangfang") String login,
            @Schema(example = "王芳") String displayName,
            @Schema(example = "MEMBER") String role,
            @Schema(example = "成员") String roleName,
            List<String> permissions,
            @Schema(implementation = DataScope.class) String dataScope,
            boolean systemAdmin,
            @Nullable String locale,

            @Schema(
                    description = "The zone the member sees times in: their own, else the organization's.",
                    example = "Asia/Shanghai")
            String timeZone,

            Org organization,
            List<Dept> departments) {}

    record PasswordChange(
            @Schema(format = "password", example = "old-horse-41") @Nullable
            String currentPassword,

            @Schema(minLength = MemberService.MIN_PASSWORD, maxLength = MemberService.MAX_PASSWORD, format = "password")
            @Nullable
            String newPassword) {}

    @Schema(description = "A guest: an external contact with an account, who sees only their own groups.")
    record GuestMeResponse(
            UUID id,
            @Schema(allowableValues = "guest") String kind,
            @Schema(example = "李雷") String displayName,
            UUID orgId) {}

    /** A guest's session gets what a guest may know of themselves, never a member's data. */
    @GetMapping
    @ApiResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(oneOf = {MeResponse.class, GuestMeResponse.class})))
    Object me(Principal principal) {
        if (principal instanceof GuestAuthentication auth) {
            Guest guest = auth.guest();
            return new GuestMeResponse(guest.id(), "guest", guest.displayName(), guest.orgId());
        }
        return member(((ActorAuthentication) principal).actor());
    }

    private MeResponse member(Actor actor) {
        List<Dept> depts = departments.list(actor).stream()
                .filter(d -> actor.departmentIds().contains(d.id()))
                .map(d -> new Dept(d.id(), d.name()))
                .toList();
        return new MeResponse(
                actor.memberId(),
                "member",
                actor.login(),
                actor.displayName(),
                actor.role(),
                actor.roleName(),
                actor.permissions().stream().map(Permission::code).sorted().toList(),
                actor.dataScope().name(),
                actor.systemAdmin(),
                actor.locale(),
                actor.timeZone().getId(),
                new Org(actor.orgId(), actor.orgName(), actor.orgCode()),
                depts);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(Actor actor, @RequestBody PasswordChange request) {
        members.changeOwnPassword(actor, request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
