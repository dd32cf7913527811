package io.liaison.contact.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which word key a company or remark word is looked up by. */
@Component
class WordKeys {

    /** How long the statistics of the word keys are kept at most, in nanoseconds. */
    private static final long STATISTICS_AGE = TimeUnit.MINUTES.toNanos(10);

    private final JdbcClient jdbc;
    private volatile @Nullable KeyStatistics statistics;

    WordKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rarest of the character pairs of a company or remark word, by the statistics ANALYZE keeps
     * of the word keys (their most common values; a key missing there is rarer than any of them):
     * the fewer contacts its key has, the fewer a walk checks for the whole word before a page.
     */
    String rarest(Set<String> grams) {
        Map<String, Double> frequencies = keyStatistics().frequencies();
        return grams.stream()
                .min(Comparator.comparingDouble(g -> frequencies.getOrDefault(g, 0.0)))
                .orElseThrow();
    }

    /** The share of word keys that each of the commonest keys has, read when the row estimate changed. */
    private record KeyStatistics(double rows, Map<String, Double> frequencies, long readAt) {}

    /**
     * The statistics of the word keys, read again when ANALYZE has changed the table's row estimate
     * or after ten minutes: reading them costs a few milliseconds, checking the estimate a tenth of one.
     */
    private KeyStatistics keyStatistics() {
        double rows = jdbc.sql("SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'contact_word'::regclass")
                .query(Double.class)
                .single();
        KeyStatistics known = statistics;
        long now = System.nanoTime();
        if (known != null && known.rows() == rows && now - known.readAt() < STATISTICS_AGE) {
            return known;
        }
        Map<String, Double> frequencies = new HashMap<>();
        jdbc.sql("""
                        SELECT m.key, m.freq FROM pg_stats s,
                               unnest(s.most_common_vals::text::text[], s.most_common_freqs) AS m(key, freq)
                         WHERE s.schemaname = current_schema() AND s.tablename = 'contact_word' AND s.attname = 'key'
                        """)
                .query((rs, n) -> frequencies.put(rs.getString(1), rs.getDouble(2)))
                .list();
        KeyStatistics fresh = new KeyStatistics(rows, Map.copyOf(frequencies), now);
        statistics = fresh;
        return fresh;
    }
}
