package io.liaison.review.finding;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a check's rows a few thousand at a time in one read-only transaction (PostgreSQL streams a
 * result only inside one), so that a check over a million contacts holds its findings, not its rows.
 */
@Component
class StreamedRows {

    private static final int FETCH = 5_000;

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    StreamedRows(DataSource dataSource, PlatformTransactionManager transactions) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void each(String sql, RowCallbackHandler row, Object... params) {
        readOnly.executeWithoutResult(status -> streaming.query(sql, row, params));
    }
}
