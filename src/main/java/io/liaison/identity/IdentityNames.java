package io.liaison.identity;

import io.liaison.shared.RecordNames;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The names of the organization, its members, departments, roles and API tokens. */
@Component
class IdentityNames implements RecordNames {

    private final JdbcClient jdbc;

    IdentityNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, String> names(UUID orgId, Set<UUID> ids) {
        return RecordNames.query(jdbc, """
                        SELECT id, display_name AS name FROM member WHERE org_id = ? AND id = ANY (?)
                        UNION ALL SELECT id, name FROM department WHERE org_id = ? AND id = ANY (?)
                        UNION ALL SELECT id, name FROM role WHERE org_id = ? AND id = ANY (?)
                        UNION ALL SELECT id, name FROM api_token WHERE org_id = ? AND id = ANY (?)
                        UNION ALL SELECT id, name FROM organization WHERE id = ? AND id = ANY (?)
                        """, 5, orgId, ids);
    }
}
