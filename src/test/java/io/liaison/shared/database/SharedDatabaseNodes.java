package io.liaison.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Liaison nodes on one PostgreSQL that the test starts, as behind a load balancer: each node names
 * itself to db-scheduler, which polls and beats each second and takes over the executions of a node
 * whose heartbeat was missed four times (the least it accepts).
 */
final class SharedDatabaseNodes {

    private SharedDatabaseNodes() {}

    static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder()
                .setLocaleConfig("lc-collate", "C")
                .setLocaleConfig("lc-ctype", "C.UTF-8")
                .start();
    }

    /** Launches node {@code name} on {@code database}; {@code env} adds the test's own settings. */
    static LiaisonProcess launch(
            EmbeddedPostgres database, Path data, String name, String adminPassword, Map<String, String> env)
            throws IOException {
        Map<String, String> all = new HashMap<>(Map.ofEntries(
                Map.entry("LIAISON_DB_URL", "jdbc:postgresql://localhost:" + database.getPort() + "/postgres"),
                Map.entry("LIAISON_DB_USER", "postgres"),
                Map.entry("LIAISON_DB_PASSWORD", "x"),
                Map.entry("LIAISON_ADMIN_PASSWORD", adminPassword),
                Map.entry("DBSCHEDULER_SCHEDULERNAME", name),
                Map.entry("DBSCHEDULER_HEARTBEATINTERVAL", "1s"),
                Map.entry("DBSCHEDULER_MISSEDHEARTBEATSLIMIT", "4"),
                Map.entry("DBSCHEDULER_POLLINGINTERVAL", "1s")));
        all.putAll(env);
        return LiaisonProcess.launch(data, all);
    }

    /** Ends the nodes and keeps their logs in {@code target} for a failed build. */
    static void close(LiaisonProcess... nodes) throws IOException, InterruptedException {
        for (LiaisonProcess node : nodes) {
            if (node != null) {
                node.close();
                Files.writeString(Path.of("target", "several-nodes-" + node.pid() + ".log"), node.log());
            }
        }
    }
}
