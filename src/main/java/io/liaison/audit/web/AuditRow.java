package io.liaison.audit.web;

import io.liaison.audit.AuditEntry;
import io.liaison.shared.web.Sentence;
import io.liaison.shared.web.Sentence.Part;
import io.liaison.shared.web.ValueWords;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An audit entry as a table row shows it: who acted and the record by the names they had
 * then (linked where the reader may open them), and field by field changes in the reader's words.
 */
record AuditRow(
        AuditEntry entry, @Nullable Part actor, @Nullable Part target, boolean redacted, List<Change> changes) {

    /** The fields whose values are ids, by the kind of record they name. */
    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("ownerId", "member"),
            Map.entry("defaultOwnerId", "member"),
            Map.entry("shareUserIds", "member"),
            Map.entry("collaboratorIds", "member"),
            Map.entry("adminId", "member"),
            Map.entry("shareDeptIds", "department"),
            Map.entry("departmentIds", "department"),
            Map.entry("deptIds", "department"),
            Map.entry("parentId", "department"),
            Map.entry("tagIds", "tag"),
            Map.entry("groupId", "tag-group"),
            Map.entry("contactIds", "contact"));

    /** Records that have no name of their own: an import or an export is named by its type alone. */
    private static final Set<String> UNNAMED = Set.of("import", "export");

    /** One field before and after; a field that appeared has no before, one that disappeared no after. */
    record Change(String field, Sentence before, Sentence after, boolean added, boolean removed) {}

    static AuditRow of(AuditEntry e, ValueWords words, ValueWords.Reading r) {
        Part actor = e.actorId() == null ? null : words.name(r, "member", e.actorId());
        if (e.actorId() != null && !r.names().containsKey(e.actorId().toString())) {
            // Members are deactivated, never deleted: one the entry cannot name acted from outside.
            actor = Part.plain(words.text("audit.outsider", r));
        }
        Part target = UNNAMED.contains(e.targetType()) ? null : words.name(r, e.targetType(), e.targetId());
        boolean redacted = Boolean.TRUE.equals(e.after().get("redacted"));
        Set<String> fields = new LinkedHashSet<>(e.before().keySet());
        fields.addAll(e.after().keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : redacted ? Set.<String>of() : fields) {
            changes.add(new Change(
                    words.label(r.locale(), labelField(e.targetType(), field)),
                    new Sentence(words.value(r, field, e.before().get(field))),
                    new Sentence(words.value(r, field, e.after().get(field))),
                    !e.before().containsKey(field),
                    !e.after().containsKey(field)));
        }
        return new AuditRow(e, actor, target, redacted, List.copyOf(changes));
    }

    /** A contact's or member's name is a person's name (姓名), a department's or tag's a name (名称). */
    private static String labelField(String targetType, String field) {
        return "name".equals(field) && targetType.equals("contact") ? "displayName" : field;
    }
}
