package io.liaison.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recomputes an organization's figures from the source tables (contacts, follow-ups, messages,
 * pushes, tasks), in one transaction per organization, and answers how many rows each table holds
 * now and how many of the kept ones differed: kept rows that were wrong ({@code stale}) and right
 * rows that were missing. The kept figures follow events; a difference means one was lost, and is
 * logged as a warning.
 */
public interface FiguresRebuild {

    /** One organization's figures. */
    Rebuilt rebuild(UUID orgId);

    /** Every organization's, one after the other. */
    List<Rebuilt> rebuildAll();

    /** The organization with this code, if there is one. */
    Optional<UUID> organization(String code);

    /** What one table holds after the rebuild, and how it differed from what was kept. */
    record TableCount(String table, long rows, long stale, long missing) {

        public long differing() {
            return stale + missing;
        }
    }

    /** What the rebuild of one organization wrote. */
    record Rebuilt(UUID orgId, List<TableCount> tables, Duration took) {

        public Rebuilt {
            tables = List.copyOf(tables);
        }

        public long rows() {
            return tables.stream().mapToLong(TableCount::rows).sum();
        }

        public long differing() {
            return tables.stream().mapToLong(TableCount::differing).sum();
        }
    }
}
