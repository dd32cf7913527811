package io.liaison.contact.search;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the search grams and keys of every contact (keys for live ones only) when the stored ones follow older rules
 * than {@link SearchText#VERSION} (after an upgrade), a batch per transaction. Each batch holds the lock on
 * the version row, so that two nodes starting together do not write the same keys twice.
 */
@Component
class SearchKeysBackfill {

    private static final Logger log = LoggerFactory.getLogger(SearchKeysBackfill.class);
    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final SearchKeys keys;
    private final TransactionTemplate transactions;

    SearchKeysBackfill(JdbcClient jdbc, SearchKeys keys, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void run() {
        Cursor after = new Cursor(null, null);
        int done = 0;
        while (after != null) {
            Cursor from = after;
            Batch batch = transactions.execute(status -> next(from));
            if (batch == null) {
                break;
            }
            done += batch.count();
            after = batch.next();
        }
        if (done > 0) {
            log.info("Search keys written for {} contacts (rules version {})", done, SearchText.VERSION);
        }
    }

    /** The next batch after {@code from}; null once the keys are current. */
    private @Nullable Batch next(Cursor from) {
        int version = jdbc.sql("SELECT version FROM contact_search_state FOR UPDATE")
                .query(Integer.class)
                .single();
        if (version >= SearchText.VERSION) {
            return null;
        }
        List<Row> rows = jdbc.sql("""
                        SELECT org_id, id, company, remark FROM contact
                         WHERE (?::uuid IS NULL OR (org_id, id) > (?::uuid, ?::uuid))
                         ORDER BY org_id, id LIMIT ?
                        """)
                .params(from.orgId(), from.orgId(), from.id(), BATCH)
                .query(Row.class)
                .list();
        if (rows.isEmpty()) {
            jdbc.sql("UPDATE contact_search_state SET version = ?")
                    .param(SearchText.VERSION)
                    .update();
            return new Batch(0, null);
        }
        for (Row row : rows) {
            jdbc.sql("UPDATE contact SET search_grams = ?::text[] WHERE org_id = ? AND id = ?")
                    .params(SearchText.textGrams(row.company(), row.remark()), row.orgId(), row.id())
                    .update();
        }
        rows.stream()
                .collect(Collectors.groupingBy(Row::orgId))
                .forEach((org, ofOrg) ->
                        keys.rewrite(org, ofOrg.stream().map(Row::id).toList()));
        Row last = rows.get(rows.size() - 1);
        return new Batch(rows.size(), new Cursor(last.orgId(), last.id()));
    }

    private record Row(
            UUID orgId,
            UUID id,
            @Nullable String company,
            @Nullable String remark) {}

    private record Cursor(@Nullable UUID orgId, @Nullable UUID id) {}

    private record Batch(int count, @Nullable Cursor next) {}
}
