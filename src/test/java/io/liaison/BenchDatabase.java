package io.liaison;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.TokenService;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL of a benchmark's Liaison (found through the {@code postmaster.pid} it
 * writes in its data directory), and Liaison's own query layer on it in the benchmark's JVM, its
 * connections recording what they send ({@link StatementCapture}): for the JDBC floors, the tokens
 * and the statements a floor replays.
 */
public final class BenchDatabase implements AutoCloseable {

    public final long postmaster;
    public final String url;
    public final String password;
    public final ConfigurableApplicationContext context;
    public final JdbcClient jdbc;
    /** PostgreSQL's version, for the report. */
    public final String version;

    private final Path scratch;

    private BenchDatabase(long postmaster, String url, String password, Path scratch) {
        this.postmaster = postmaster;
        this.url = url;
        this.password = password;
        this.scratch = scratch;
        context = BenchLiaison.start(
                scratch,
                Map.of("liaison.db.url", url, "liaison.db.user", "liaison", "liaison.db.password", password),
                StatementCapture::install);
        jdbc = context.getBean(JdbcClient.class);
        version = jdbc.sql("SHOW server_version").query(String.class).single();
    }

    /** The database of the Liaison running on {@code dataDir}, with the query layer started on it. */
    public static BenchDatabase open(Path dataDir) throws IOException {
        List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pidFile.get(3).strip() + "/liaison";
        String password =
                Files.readString(dataDir.resolve("liaison-db-password")).strip();
        Path scratch = Files.createTempDirectory("liaison-benchmark-queries");
        return new BenchDatabase(Long.parseLong(pidFile.get(0).strip()), url, password, scratch);
    }

    /** The administrator ({@code admin}, scope ALL) of the first organization: the demo data's. */
    public UUID demoAdmin() {
        return jdbc.sql("""
                        SELECT m.id FROM member m
                         WHERE m.login = 'admin'
                           AND m.org_id = (SELECT id FROM organization ORDER BY created_at LIMIT 1)""").query(UUID.class).single();
    }

    /** The member {@code id} as the application sees them. */
    public Actor actor(UUID id) {
        return context.getBean(MemberService.class).actor(id).orElseThrow();
    }

    /** A bearer token of {@code actor} for the API, valid for a day. */
    public String token(Actor actor) {
        return context.getBean(TokenService.class)
                .create(actor, "benchmark", OffsetDateTime.now().plusDays(1))
                .secret();
    }

    /** CPU time PostgreSQL used so far, in milliseconds. */
    public long cpuMillis() throws IOException {
        return BenchProcess.postgresCpuMillis(postmaster);
    }

    /** Closes the query layer; PostgreSQL stays for its Liaison to stop. */
    @Override
    public void close() throws IOException {
        try {
            context.close();
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /**
     * Stops the PostgreSQL of {@code postmaster} if it still runs: Liaison stops it on SIGTERM, one
     * left by a Liaison that had to be killed is stopped here.
     */
    public static void stopLeftover(long postmaster) {
        ProcessHandle.of(postmaster)
                .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                .ifPresent(server -> {
                    server.destroy();
                    server.onExit()
                            .completeOnTimeout(server, 30, TimeUnit.SECONDS)
                            .join();
                });
    }
}
