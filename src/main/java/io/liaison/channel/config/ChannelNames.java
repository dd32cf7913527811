package io.liaison.channel.config;

import io.liaison.shared.RecordNames;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The names of the channels (robots, webhooks), for the audit log and for pushes through them. */
@Component
class ChannelNames implements RecordNames {

    private final JdbcClient jdbc;

    ChannelNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, String> names(UUID orgId, Set<UUID> ids) {
        return RecordNames.query(jdbc, "SELECT id, name FROM channel WHERE org_id = ? AND id = ANY (?)", 1, orgId, ids);
    }
}
