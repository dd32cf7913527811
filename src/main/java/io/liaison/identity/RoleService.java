package io.liaison.identity;

import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.Message;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles of the actor's organization: every member reads them; holders of {@code role.manage} create,
 * change and delete custom ones, never granting more than they hold themselves.
 */
@Service
public class RoleService {

    public static final Set<String> FIELDS = Set.of("name", "permissions", "dataScope", "deptIds");
    /** The most characters of a role's name. */
    public static final int MAX_NAME = 50;

    private final RoleRepository roles;
    private final DepartmentRepository departments;
    private final ApplicationEventPublisher events;
    private final Permissions permissions;

    RoleService(
            RoleRepository roles,
            DepartmentRepository departments,
            ApplicationEventPublisher events,
            Permissions permissions) {
        this.roles = roles;
        this.departments = departments;
        this.events = events;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public List<Role> list(Actor actor) {
        return roles.findAll(actor.orgId());
    }

    @Transactional(readOnly = true)
    public Role get(Actor actor, UUID id) {
        return roles.find(actor.orgId(), id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Role create(Actor actor, MergePatch body) {
        require(actor);
        Definition d = definition(actor, body, null);
        UUID id = Ids.newId();
        roles.insert(actor.orgId(), id, d.name(), d.permissions(), d.scope(), d.deptIds());
        events.publishEvent(new RoleChanged(actor.orgId(), actor.memberId(), "role.created", id, Map.of(), values(d)));
        return get(actor, id);
    }

    @Transactional
    public Role update(Actor actor, UUID id, MergePatch patch, @Nullable Long expectedVersion) {
        require(actor);
        Role current = changeableRole(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        requireWithin(actor, current.permissions(), current.dataScope());
        Definition d = definition(actor, patch, current);
        if (!roles.update(actor.orgId(), id, d.name(), d.permissions(), d.scope(), d.deptIds(), current.version())) {
            throw LiaisonException.stale(current.version(), get(actor, id).version());
        }
        Changes changes = new Changes();
        Map<String, @Nullable Object> before = values(definitionOf(current));
        values(d).forEach((field, value) -> changes.field(field, before.get(field), value));
        if (!changes.isEmpty()) {
            events.publishEvent(new RoleChanged(
                    actor.orgId(), actor.memberId(), "role.updated", id, changes.before(), changes.after()));
        }
        return get(actor, id);
    }

    /** Refuses, with a 409, while members hold the role. */
    @Transactional
    public void delete(Actor actor, UUID id, @Nullable Long expectedVersion) {
        require(actor);
        Role current = changeableRole(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        requireWithin(actor, current.permissions(), current.dataScope());
        int holders = roles.holders(actor.orgId(), id);
        if (holders > 0) {
            throw new LiaisonException(HttpStatus.CONFLICT, "role-in-use", current.name(), holders);
        }
        roles.delete(actor.orgId(), id);
        events.publishEvent(new RoleChanged(
                actor.orgId(), actor.memberId(), "role.deleted", id, values(definitionOf(current)), Map.of()));
    }

    /** The role a member may be given by {@code key}; 400 when none, 403 when it grants more than the actor has. */
    Role assignable(Actor actor, String key) {
        Role role = roles.findByKey(actor.orgId(), key)
                .orElseThrow(() -> LiaisonException.invalid("role", "invalid.unknown-role", key));
        requireWithin(actor, role.permissions(), role.dataScope());
        return role;
    }

    /**
     * Refuses to hand out more than the actor holds: every permission must be the actor's own, and a
     * data scope wider than the actor's (or any CUSTOM scope) needs scope ALL.
     */
    static void requireWithin(Actor actor, Set<Permission> permissions, DataScope scope) {
        Set<Permission> missing = new HashSet<>(permissions);
        missing.removeAll(actor.permissions());
        if (!missing.isEmpty()) {
            throw LiaisonException.forbidden(
                    "forbidden.grant-permissions",
                    String.join(
                            ", ",
                            missing.stream().map(Permission::code).sorted().toList()));
        }
        if (actor.dataScope() != DataScope.ALL && rank(scope) > rank(actor.dataScope())) {
            throw LiaisonException.forbidden("forbidden.grant-scope", Message.of("scope." + scope));
        }
    }

    private static int rank(DataScope scope) {
        return switch (scope) {
            case SELF -> 0;
            case DEPT -> 1;
            case DEPT_TREE -> 2;
            case ALL, CUSTOM -> 3;
        };
    }

    private record Definition(String name, Set<Permission> permissions, DataScope scope, List<UUID> deptIds) {}

    private static Definition definitionOf(Role role) {
        return new Definition(role.name(), role.permissions(), role.dataScope(), role.departmentIds());
    }

    private Definition definition(Actor actor, MergePatch body, @Nullable Role current) {
        String name =
                current == null || body.has("name") ? body.requiredText("name").trim() : current.name();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw LiaisonException.invalid("name", "invalid.length", 1, MAX_NAME);
        }
        Set<Permission> granted = new HashSet<>();
        if (current != null && !body.has("permissions")) {
            granted.addAll(current.permissions());
        } else {
            body.texts("permissions", permissions.all().size()).forEach(code -> granted.add(permissions.parse(code)));
        }
        DataScope scope = current == null || body.has("dataScope")
                ? DataScope.parse(body.requiredText("dataScope"))
                : current.dataScope();
        List<UUID> depts = current != null && !body.has("deptIds") ? current.departmentIds() : body.ids("deptIds");
        if (scope == DataScope.CUSTOM) {
            Set<UUID> wanted = new LinkedHashSet<>(depts);
            if (wanted.isEmpty()) {
                throw LiaisonException.invalid("deptIds", "invalid.custom-scope-departments");
            }
            if (!new HashSet<>(departments.existing(actor.orgId(), wanted)).containsAll(wanted)) {
                throw LiaisonException.invalid("deptIds", "invalid.unknown-departments");
            }
            depts = List.copyOf(wanted);
        } else {
            depts = List.of();
        }
        requireWithin(actor, granted, scope);
        if (roles.nameTaken(actor.orgId(), name, current == null ? null : current.id())) {
            throw new LiaisonException(HttpStatus.CONFLICT, "role-name-taken", name);
        }
        return new Definition(name, Set.copyOf(granted), scope, depts);
    }

    private static Map<String, @Nullable Object> values(Definition d) {
        return Changes.values(
                "name", d.name(),
                "permissions",
                        d.permissions().stream().map(Permission::code).sorted().toList(),
                "dataScope", d.scope().name(),
                "deptIds", d.deptIds().stream().sorted().toList());
    }

    private Role changeableRole(Actor actor, UUID id) {
        Role role = get(actor, id);
        if (role.builtin() != null) {
            throw new LiaisonException(HttpStatus.CONFLICT, "builtin-role", role.name());
        }
        return role;
    }

    private static void require(Actor actor) {
        if (!actor.can(IdentityPermissions.ROLE_MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-roles");
        }
    }

    private static LiaisonException notFound(UUID id) {
        return LiaisonException.notFound("role", id);
    }
}
