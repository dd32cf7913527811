package io.liaison.notify;

import io.liaison.shared.RecordNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The names of the records a notification mentions (a contact, the member who acted), as they are
 * when it is raised, from every module's {@link RecordNames}: notify never reads their tables.
 */
@Component
class MemberNames {

    private final List<RecordNames> names;

    MemberNames(List<RecordNames> names) {
        this.names = names;
    }

    Map<UUID, String> of(UUID orgId, Set<UUID> ids) {
        Map<UUID, String> found = new HashMap<>();
        for (RecordNames module : names) {
            found.putAll(module.names(orgId, ids));
        }
        return found;
    }

    static String name(Map<UUID, String> names, @Nullable UUID id) {
        return id == null ? "?" : names.getOrDefault(id, "?");
    }
}
