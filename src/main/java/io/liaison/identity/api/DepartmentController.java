package io.liaison.identity.api;

import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.MergePatch;
import io.liaison.shared.SortOrder;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Schema;
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

@RestController
@RequestMapping("/api/v1/departments")
class DepartmentController {

    private final DepartmentService departments;

    DepartmentController(DepartmentService departments) {
        this.departments = departments;
    }

    record CreateDepartmentRequest(
            @Schema(maxLength = DepartmentService.MAX_NAME, example = "华东销售部") @Nullable
            String name,

            @Nullable UUID parentId,
            @Nullable Integer sortOrder) {}

    /** A change to a department (JSON Merge Patch): a field left out stays as it is. */
    @KnownFieldsOnly
    record DepartmentPatch(
            @Schema(maxLength = DepartmentService.MAX_NAME, example = "East China sales")
            Patch<String> name,

            @Schema(description = "The parent department; null makes it a top-level department.")
            Patch<@Nullable UUID> parentId,

            @Schema(minimum = "-" + SortOrder.MAX, maximum = "" + SortOrder.MAX, example = "2")
            Patch<@Nullable Integer> sortOrder) {}

    /** The whole tree, parents before their children's siblings by order; one page, as trees are small. */
    @GetMapping
    CursorPage<Department> list(Actor actor) {
        return new CursorPage<>(departments.list(actor), null);
    }

    @ProblemResponse(
            status = 409,
            description = "A department of this name exists already at this place of the tree.",
            types = "department-name-taken")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Department> create(Actor actor, @RequestBody CreateDepartmentRequest request) {
        Department created = departments.create(
                actor, request.name(), request.parentId(), request.sortOrder() == null ? 0 : request.sortOrder());
        return ETags.created("/api/v1/departments/" + created.id(), created, created.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<Department> get(Actor actor, @PathVariable UUID id) {
        Department department = departments.get(actor, id);
        return ETags.ok(department, department.version());
    }

    @ProblemResponse(
            status = 409,
            description = "A department of this name exists already at this place of the tree.",
            types = "department-name-taken")
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<Department> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody DepartmentPatch body) {
        MergePatch patch = new MergePatch(Patch.fields(body), DepartmentService.PATCHABLE);
        Department changed = departments.update(actor, id, patch, ETags.expected(ifMatch));
        return ETags.ok(changed, changed.version());
    }

    @ProblemResponse(
            status = 409,
            description = "The department still has members or sub-departments, or is part of a role's data scope.",
            types = {"department-not-empty", "department-in-role-scope"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        departments.delete(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }
}
