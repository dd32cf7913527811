package io.liaison.task.core;

import io.liaison.shared.RecordNames;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tasks named by their titles, for the audit log. */
@Component
class TaskRecordNames implements RecordNames {

    private final JdbcClient jdbc;

    TaskRecordNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, String> names(UUID orgId, Set<UUID> ids) {
        return RecordNames.query(
                jdbc, "SELECT id, title AS name FROM task WHERE org_id = ? AND id = ANY (?)", 1, orgId, ids);
    }
}
