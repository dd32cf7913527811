package io.liaison.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The department tree in display order (depth first, siblings by sort order and name), flattened so
 * that a table, a select or a checkbox list can indent each node by its depth.
 */
public record DepartmentTree(List<Node> nodes) {

    public record Node(Department department, int depth) {

        /** Non-breaking spaces that indent an option of a select, where CSS padding does not apply. */
        public String indent() {
            return "\u00a0\u00a0\u00a0".repeat(depth);
        }
    }

    public DepartmentTree {
        nodes = List.copyOf(nodes);
    }

    public static DepartmentTree of(List<Department> departments) {
        Map<UUID, Department> byId = new LinkedHashMap<>();
        departments.forEach(d -> byId.put(d.id(), d));
        Map<@Nullable UUID, List<Department>> children = new LinkedHashMap<>();
        for (Department d : departments) {
            // A parent that is missing from the list would hide its subtree; show such nodes as roots.
            UUID parent = d.parentId() != null && byId.containsKey(d.parentId()) ? d.parentId() : null;
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(d);
        }
        Comparator<Department> order =
                Comparator.comparingInt(Department::sortOrder).thenComparing(Department::name);
        children.values().forEach(list -> list.sort(order));
        List<Node> nodes = new ArrayList<>();
        add(nodes, children, null, 0);
        return new DepartmentTree(nodes);
    }

    private static void add(
            List<Node> nodes, Map<@Nullable UUID, List<Department>> children, @Nullable UUID parent, int depth) {
        for (Department d : children.getOrDefault(parent, List.of())) {
            nodes.add(new Node(d, depth));
            add(nodes, children, d.id(), depth + 1);
        }
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public Map<UUID, String> names() {
        Map<UUID, String> names = new LinkedHashMap<>();
        nodes.forEach(n -> names.put(n.department().id(), n.department().name()));
        return names;
    }

    /** The nodes a department may be moved under: all but itself and its own subtree. */
    public List<Node> parentsFor(UUID id) {
        Set<UUID> excluded = new HashSet<>();
        excluded.add(id);
        List<Node> allowed = new ArrayList<>();
        for (Node node : nodes) {
            Department d = node.department();
            if (d.parentId() != null && excluded.contains(d.parentId())) {
                excluded.add(d.id());
            }
            if (!excluded.contains(d.id())) {
                allowed.add(node);
            }
        }
        return allowed;
    }
}
