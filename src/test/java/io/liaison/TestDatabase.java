package io.liaison;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One embedded PostgreSQL for the whole test JVM, shared by every Spring context of the suite; each
 * test works in organizations of its own, so tests do not see each other's rows.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static EmbeddedPostgres postgres;
    private static Path dataDir;

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                dataDir = Files.createTempDirectory("liaison-test-data");
                postgres = EmbeddedPostgres.builder()
                        .setLocaleConfig("lc-collate", "C")
                        .setLocaleConfig("lc-ctype", "C.UTF-8")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedPostgres db = postgres();
        TestPropertyValues.of(
                        "liaison.db.url=" + db.getJdbcUrl("postgres", "postgres"),
                        "liaison.db.user=postgres",
                        "liaison.data-dir=" + dataDir,
                        "liaison.identity.first-start.admin-password=" + ADMIN_PASSWORD,
                        // Every cached test context would poll the shared database; tests run jobs directly.
                        "db-scheduler.enabled=false",
                        // Channel tests post to receivers on this machine, which the SSRF guard refuses otherwise.
                        "liaison.channel.outbound-allowed-hosts=127.0.0.1",
                        // zonky's exit hook stops PostgreSQL while Spring still closes the cached contexts;
                        // a short wait lets those last queries fail fast instead of holding the JVM.
                        "liaison.db.connection-timeout=2s")
                .applyTo(context);
    }
}
