package io.liaison.identity;

import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.SortOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The department tree of the actor's organization: everyone reads it, holders of {@code member.manage} shape it. */
@Service
public class DepartmentService {

    public static final Set<String> PATCHABLE = Set.of("name", "parentId", "sortOrder");
    /** The most characters of a department's name. */
    public static final int MAX_NAME = 100;

    private final DepartmentRepository departments;
    private final ApplicationEventPublisher events;

    DepartmentService(DepartmentRepository departments, ApplicationEventPublisher events) {
        this.departments = departments;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Department> list(Actor actor) {
        return departments.findAll(actor.orgId());
    }

    @Transactional(readOnly = true)
    public Department get(Actor actor, UUID id) {
        return departments.find(actor.orgId(), id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Department create(Actor actor, String name, @Nullable UUID parentId, int sortOrder) {
        requireStructureManager(actor);
        String clean = validName(name);
        SortOrder.checked("sortOrder", sortOrder);
        if (parentId != null && departments.find(actor.orgId(), parentId).isEmpty()) {
            throw LiaisonException.invalid("parentId", "invalid.unknown-department");
        }
        requireFreeName(actor, parentId, clean, null);
        UUID id = Ids.newId();
        departments.insert(actor.orgId(), id, parentId, clean, sortOrder);
        Department created = get(actor, id);
        events.publishEvent(new DepartmentCreated(actor.orgId(), actor.memberId(), id, values(created)));
        return created;
    }

    /** Renames or moves a department; {@code expectedVersion} comes from If-Match when given. */
    @Transactional
    public Department update(Actor actor, UUID id, MergePatch patch, @Nullable Long expectedVersion) {
        requireStructureManager(actor);
        Department current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        String name = patch.has("name") ? validName(patch.text("name")) : current.name();
        UUID parentId = patch.has("parentId") ? patch.id("parentId") : current.parentId();
        Integer order = patch.has("sortOrder")
                ? SortOrder.checked("sortOrder", patch.integer("sortOrder"))
                : Integer.valueOf(current.sortOrder());
        if (parentId != null && !parentId.equals(current.parentId())) {
            if (departments.find(actor.orgId(), parentId).isEmpty()) {
                throw LiaisonException.invalid("parentId", "invalid.unknown-department");
            }
            if (departments.isSelfOrDescendant(actor.orgId(), id, parentId)) {
                throw LiaisonException.invalid("parentId", "invalid.department-cycle");
            }
        }
        requireFreeName(actor, parentId, name, id);
        int sortOrder = order == null ? 0 : order;
        if (!departments.update(actor.orgId(), id, parentId, name, sortOrder, current.version())) {
            throw LiaisonException.stale(current.version(), get(actor, id).version());
        }
        Changes changes = new Changes()
                .field("name", current.name(), name)
                .field("parentId", current.parentId(), parentId)
                .field("sortOrder", current.sortOrder(), sortOrder);
        if (!changes.isEmpty()) {
            events.publishEvent(
                    new DepartmentUpdated(actor.orgId(), actor.memberId(), id, changes.before(), changes.after()));
        }
        return get(actor, id);
    }

    /** Refuses, with a 409 that says why, while the department has members or sub-departments. */
    @Transactional
    public void delete(Actor actor, UUID id, @Nullable Long expectedVersion) {
        requireStructureManager(actor);
        Department current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        int roles = departments.scopeRoleCount(actor.orgId(), id);
        if (roles > 0) {
            throw new LiaisonException(HttpStatus.CONFLICT, "department-in-role-scope", current.name(), roles);
        }
        int children = departments.childCount(actor.orgId(), id);
        int members = departments.memberCount(actor.orgId(), id);
        if (children > 0 || members > 0) {
            throw new LiaisonException(HttpStatus.CONFLICT, "department-not-empty", current.name(), members, children);
        }
        departments.delete(actor.orgId(), id);
        events.publishEvent(new DepartmentDeleted(actor.orgId(), actor.memberId(), id, values(current)));
    }

    private static Map<String, @Nullable Object> values(Department d) {
        return Changes.values("name", d.name(), "parentId", d.parentId(), "sortOrder", d.sortOrder());
    }

    private void requireFreeName(Actor actor, @Nullable UUID parentId, String name, @Nullable UUID except) {
        if (departments.nameTaken(actor.orgId(), parentId, name, except)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "department-name-taken", name);
        }
    }

    private static String validName(@Nullable String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw LiaisonException.invalid("name", "invalid.length", 1, MAX_NAME);
        }
        return clean;
    }

    private static void requireStructureManager(Actor actor) {
        if (!actor.can(IdentityPermissions.MEMBER_MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-departments");
        }
    }

    private static LiaisonException notFound(UUID id) {
        return LiaisonException.notFound("department", id);
    }
}
