package io.liaison.contact;

import io.liaison.shared.RecordNames;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The names of the contacts, tags, tag groups and custom fields. */
@Component
class ContactNames implements RecordNames {

    private final JdbcClient jdbc;

    ContactNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, String> names(UUID orgId, Set<UUID> ids) {
        return RecordNames.query(jdbc, """
                        SELECT id, name FROM contact WHERE org_id = ? AND id = ANY (?)
                        UNION ALL SELECT id, name FROM tag WHERE org_id = ? AND id = ANY (?)
                        UNION ALL SELECT id, name FROM tag_group WHERE org_id = ? AND id = ANY (?)
                        UNION ALL SELECT id, label FROM custom_field WHERE org_id = ? AND id = ANY (?)
                        """, 4, orgId, ids);
    }
}
