package io.liaison.chat.conversation;

import io.liaison.shared.RecordNames;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The names of the groups (a direct conversation has none), for the audit log and for pushes to groups. */
@Component
class ConversationNames implements RecordNames {

    private final JdbcClient jdbc;

    ConversationNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, String> names(UUID orgId, Set<UUID> ids) {
        return RecordNames.query(
                jdbc,
                "SELECT id, name FROM conversation WHERE org_id = ? AND id = ANY (?) AND name IS NOT NULL",
                1,
                orgId,
                ids);
    }
}
