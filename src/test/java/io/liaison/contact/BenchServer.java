package io.liaison.contact;

import io.liaison.BenchLiaison;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.TokenService;
import io.liaison.shared.MergePatch;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Liaison started in this JVM on a benchmark data directory, on a random port, without the job
 * scheduler; with the two actors of the benchmark and a bearer token for each.
 */
final class BenchServer implements AutoCloseable {

    /** A member the benchmark acts as, with a token for the API. */
    record Member(String label, Actor actor, String token) {}

    final ConfigurableApplicationContext context;
    final JdbcClient jdbc;
    final int port;
    final Member admin;
    final Member member;
    final long memberContacts;
    final String postgres;

    BenchServer(Path dataDir) {
        context = BenchLiaison.start(dataDir, Map.of());
        jdbc = context.getBean(JdbcClient.class);
        port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        postgres = jdbc.sql("SHOW server_version").query(String.class).single();
        UUID org = jdbc.sql("SELECT id FROM organization ORDER BY created_at LIMIT 1")
                .query(UUID.class)
                .single();
        UUID adminId = jdbc.sql("SELECT id FROM member WHERE org_id = ? AND login = 'admin'")
                .param(org)
                .query(UUID.class)
                .single();
        unmask(adminId);
        // The demo member who owns the median number of contacts among the 50.
        List<Map<String, Object>> owners = jdbc.sql("""
                        SELECT m.id, m.login, count(*) AS n FROM member m
                          JOIN contact c ON c.org_id = m.org_id AND c.owner_id = m.id AND c.trashed_at IS NULL
                         WHERE m.org_id = ? AND m.login LIKE 'demo-%'
                         GROUP BY m.id, m.login ORDER BY n, m.login""").param(org).query().listOfRows();
        Map<String, Object> median = owners.get(owners.size() / 2);
        memberContacts = ((Number) median.get("n")).longValue();
        admin = member("admin", adminId);
        member = member((String) median.get("login"), (UUID) median.get("id"));
    }

    /**
     * Masking off, as an administrator may set it: with it on, a fragment of a mobile finds nothing
     * for the administrator (by design), and a search that finds nothing measures nothing.
     */
    private void unmask(UUID adminId) {
        Actor admin = actor(adminId);
        context.getBean(OrganizationService.class)
                .updateSettings(
                        admin, new MergePatch(Map.of("maskContactDetails", false), OrganizationService.SETTINGS));
    }

    private Member member(String login, UUID id) {
        Actor actor = actor(id);
        String token = context.getBean(TokenService.class)
                .create(actor, "benchmark", OffsetDateTime.now().plusDays(1))
                .secret();
        return new Member(login + " (scope " + actor.dataScope() + ")", actor, token);
    }

    private Actor actor(UUID id) {
        return context.getBean(MemberService.class).actor(id).orElseThrow();
    }

    @Override
    public void close() {
        context.close();
    }
}
