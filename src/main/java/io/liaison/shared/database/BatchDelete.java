package io.liaison.shared.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes a backlog of old rows in batches, each its own statement, so that it holds no long lock: the
 * clean-ups of login attempts, kept medians and finished outbox publications.
 */
public final class BatchDelete {

    /** The most rows one statement deletes. */
    public static final int BATCH = 10_000;

    private BatchDelete() {}

    /**
     * Runs {@code delete} until it deletes fewer than {@link #BATCH} rows; it ends with {@code LIMIT ?},
     * bound to the batch after {@code params}. How many rows it deleted in all.
     */
    public static int untilDone(JdbcClient jdbc, String delete, Object... params) {
        List<Object> bound = new ArrayList<>(Arrays.asList(params));
        bound.add(BATCH);
        int deleted;
        int all = 0;
        do {
            deleted = jdbc.sql(delete).params(bound).update();
            all += deleted;
        } while (deleted == BATCH);
        return all;
    }
}
