package io.liaison.audit.web;

import io.liaison.audit.AuditEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** An audit entry as a table row shows it: a name for the target, and field by field changes. */
record AuditRow(AuditEntry entry, @Nullable String targetName, List<Change> changes) {

    /** One field before and after; a field that appeared has no before, one that disappeared no after. */
    record Change(
            String field, @Nullable String before, @Nullable String after, boolean added, boolean removed) {}

    /** {@code names} knows members and departments; other targets are named by their own {@code name} field. */
    static AuditRow of(AuditEntry e, Map<UUID, String> names) {
        String name = names.get(e.targetId());
        if (name == null) {
            name = text(
                    e.after().containsKey("name")
                            ? e.after().get("name")
                            : e.before().get("name"));
        }
        Set<String> fields = new LinkedHashSet<>(e.before().keySet());
        fields.addAll(e.after().keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            boolean added = !e.before().containsKey(field);
            boolean removed = !e.after().containsKey(field);
            changes.add(new Change(
                    field, text(e.before().get(field)), text(e.after().get(field)), added, removed));
        }
        return new AuditRow(e, name, List.copyOf(changes));
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
