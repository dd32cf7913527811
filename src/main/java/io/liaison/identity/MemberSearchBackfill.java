package io.liaison.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the search keys of members who have none: those from before the keys existed, and those
 * the demo data writes directly. Members are few, so a batch at a time until none is left.
 */
@Component
class MemberSearchBackfill {

    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;

    MemberSearchBackfill(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void run() {
        List<Row> rows;
        do {
            rows = jdbc.sql("SELECT id, display_name, login FROM member WHERE search_keys IS NULL LIMIT ?")
                    .param(BATCH)
                    .query(Row.class)
                    .list();
            for (Row row : rows) {
                jdbc.sql("UPDATE member SET search_keys = ? WHERE id = ?")
                        .params(MemberSearchKeys.of(row.displayName(), row.login()), row.id())
                        .update();
            }
        } while (rows.size() == BATCH);
    }

    private record Row(UUID id, String displayName, String login) {}
}
