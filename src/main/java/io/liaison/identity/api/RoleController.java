package io.liaison.identity.api;

import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.identity.Permission;
import io.liaison.identity.Role;
import io.liaison.identity.RoleService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.MergePatch;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Roles: built-in and custom, each a set of permissions and a data scope. */
@RestController
@RequestMapping("/api/v1/roles")
class RoleController {

    private final RoleService roles;

    RoleController(RoleService roles) {
        this.roles = roles;
    }

    /** {@code key} is what a member's {@code role} names: the built-in name or the custom role's id. */
    record RoleResponse(
            UUID id,
            @Schema(example = "MANAGER") String key,
            boolean builtin,

            @Schema(maxLength = RoleService.MAX_NAME, example = "大客户组")
            String name,

            @ArraySchema(schema = @Schema(example = "contact.view"))
            List<String> permissions,

            @Schema(implementation = DataScope.class) String dataScope,
            List<UUID> deptIds,
            int memberCount,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static RoleResponse of(Role r) {
            return new RoleResponse(
                    r.id(),
                    r.key(),
                    r.builtin() != null,
                    r.name(),
                    r.permissions().stream().map(Permission::code).sorted().toList(),
                    r.dataScope().name(),
                    r.departmentIds(),
                    r.memberCount(),
                    r.version(),
                    r.createdAt(),
                    r.updatedAt());
        }
    }

    /** A new role: a name, the permissions it grants and the contacts it sees. */
    @KnownFieldsOnly
    record RoleInput(
            @Schema(maxLength = RoleService.MAX_NAME, example = "Key accounts")
            String name,

            @ArraySchema(
                    schema =
                            @Schema(
                                    description = "A permission's code, as GET /me lists them.",
                                    pattern = Permission.CODE_PATTERN,
                                    example = "contact.view"))
            @Nullable
            List<String> permissions,

            @Schema(implementation = DataScope.class) String dataScope,

            @ArraySchema(
                    maxItems = MergePatch.MAX_LIST,
                    arraySchema = @Schema(description = "The departments of the CUSTOM data scope."))
            @Nullable
            List<UUID> deptIds) {}

    /** A change to a custom role (JSON Merge Patch): a field left out stays as it is. */
    @KnownFieldsOnly
    record RolePatch(
            @Schema(maxLength = RoleService.MAX_NAME, example = "Key accounts")
            Patch<String> name,

            @ArraySchema(
                    schema =
                            @Schema(
                                    description = "A permission's code, as GET /me lists them.",
                                    pattern = Permission.CODE_PATTERN,
                                    example = "contact.view"))
            Patch<@Nullable List<String>> permissions,

            @Schema(implementation = DataScope.class) Patch<String> dataScope,

            @ArraySchema(
                    maxItems = MergePatch.MAX_LIST,
                    arraySchema = @Schema(description = "The departments of the CUSTOM data scope."))
            Patch<@Nullable List<UUID>> deptIds) {}

    /** Every role of the organization; one page, as there are few. */
    @GetMapping
    CursorPage<RoleResponse> list(Actor actor) {
        return new CursorPage<>(roles.list(actor).stream().map(RoleResponse::of).toList(), null);
    }

    @ProblemResponse(status = 409, description = "A role of this name exists already.", types = "role-name-taken")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<RoleResponse> create(Actor actor, @RequestBody RoleInput body) {
        Role created = roles.create(actor, new MergePatch(Patch.fields(body), RoleService.FIELDS));
        return ETags.created("/api/v1/roles/" + created.id(), RoleResponse.of(created), created.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<RoleResponse> get(Actor actor, @PathVariable UUID id) {
        Role role = roles.get(actor, id);
        return ETags.ok(RoleResponse.of(role), role.version());
    }

    @ProblemResponse(
            status = 409,
            description = "A role of this name exists already, or the role is built in.",
            types = {"role-name-taken", "builtin-role"})
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<RoleResponse> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody RolePatch body) {
        Role changed = roles.update(
                actor, id, new MergePatch(Patch.fields(body), RoleService.FIELDS), ETags.expected(ifMatch));
        return ETags.ok(RoleResponse.of(changed), changed.version());
    }

    @ProblemResponse(
            status = 409,
            description = "The role is built in or still held by members.",
            types = {"builtin-role", "role-in-use"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        roles.delete(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }
}
