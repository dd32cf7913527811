package io.liaison.shared.database;

import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as a local attacker and a power loss meet it: every connection needs a
 * password, Liaison's role is no superuser, writes are synced to disk; and a data directory of the
 * previous release, which trusted every local connection, gets there on its next start.
 */
class EmbeddedDatabaseSecurityIntegrationTests {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String INVALID_PASSWORD = "28P01";

    @TempDir
    Path work;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void aNewClusterAsksEveryConnectionForAPasswordAndGivesLiaisonNoSuperuser() throws Exception {
        Path data = work.resolve("data");
        EmbeddedDatabase database = EmbeddedDatabase.start(data, "128MB");
        started.add(database);

        String superuserPassword = ownerOnlyPassword(data.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE));
        String rolePassword = ownerOnlyPassword(data.resolve(EmbeddedDatabase.ROLE_PASSWORD_FILE));
        assertThat(rolePassword).isEqualTo(database.password()).isNotEqualTo(superuserPassword);
        assertThat(database.user()).isEqualTo("liaison");
        assertRefusedWithoutTheirPasswords(database.port());
        try (Connection liaison = LiaisonProcess.connect(database.port(), "liaison", rolePassword)) {
            assertIsAnOwnerButNoSuperuser(liaison);
            assertThat(show(liaison, "listen_addresses")).isEqualTo("localhost");
            assertThat(show(liaison, "password_encryption")).isEqualTo("scram-sha-256");
        }
        try (Connection postgres = LiaisonProcess.connect(database.port(), "postgres", superuserPassword)) {
            assertThat(query(postgres, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("true");
            assertThat(show(postgres, "unix_socket_directories"))
                    .as("no Unix socket")
                    .isEmpty();
        }
        database.close();

        EmbeddedDatabase again = EmbeddedDatabase.start(data, "128MB");
        started.add(again);
        assertThat(again.password()).as("the same password on the next start").isEqualTo(rolePassword);
        try (Connection liaison = LiaisonProcess.connect(again.port(), "liaison", rolePassword)) {
            assertThat(query(liaison, "SELECT current_user")).isEqualTo("liaison");
        }
    }

    @Test
    void aClusterOfThePreviousReleaseIsSecuredOnItsNextStartWithItsDataIntact() throws Exception {
        Path data = work.resolve("data");
        Path cluster = data.resolve("postgres");
        // As the previous release made it: zonky's defaults (trust, fsync off), Liaison's migrations and
        // everything else owned by postgres.
        try (EmbeddedPostgres previous = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setLocaleConfig("lc-collate", "C")
                .setLocaleConfig("lc-ctype", "C.UTF-8")
                .start()) {
            try (Connection postgres = previous.getPostgresDatabase().getConnection()) {
                postgres.createStatement().execute("CREATE DATABASE liaison");
                // A start of this release that stopped half-way: the role is there, nothing is its own yet.
                postgres.createStatement().execute("CREATE ROLE liaison LOGIN");
            }
            DataSource previousLiaison = previous.getDatabase("postgres", "liaison");
            Flyway.configure()
                    .dataSource(previousLiaison)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            try (Connection postgres = previousLiaison.getConnection()) {
                Statement statement = postgres.createStatement();
                statement.execute("CREATE TYPE mood AS ENUM ('calm', 'busy')");
                statement.execute("CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL, mood mood)");
                statement.execute("INSERT INTO note (body, mood) VALUES ('first', 'calm'), ('second', 'busy')");
                statement.execute("CREATE VIEW busy_note AS SELECT * FROM note WHERE mood = 'busy'");
                statement.execute(
                        "CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM note'");
            }
        }
        Files.createDirectories(data);
        // Written by that interrupted start, and since left readable by others.
        Path superuserFile = data.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE);
        Files.writeString(superuserFile, "written-by-an-interrupted-start\n");
        Files.setPosixFilePermissions(superuserFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ClusterAccess.passwordsRequired(cluster)).isFalse();

        LiaisonProcess liaison = LiaisonProcess.launch(data, Map.of());
        started.add(liaison);
        liaison.awaitHealthy();

        assertThat(liaison.log()).contains("lets local connections in without a password; securing it");
        assertThat(ClusterAccess.passwordsRequired(cluster))
                .as("pg_hba.conf has no trust left")
                .isTrue();
        assertThat(ownerOnlyPassword(superuserFile)).isEqualTo("written-by-an-interrupted-start");
        String rolePassword = ownerOnlyPassword(data.resolve(EmbeddedDatabase.ROLE_PASSWORD_FILE));
        int port = liaison.embeddedPostgresPort();
        assertRefusedWithoutTheirPasswords(port);
        try (Connection postgres = LiaisonProcess.connect(port, "postgres", "written-by-an-interrupted-start")) {
            assertThat(query(postgres, "SELECT current_user")).isEqualTo("postgres");
        }
        try (Connection role = LiaisonProcess.connect(port, "liaison", rolePassword)) {
            assertThat(show(role, "fsync")).isEqualTo("on");
            assertThat(show(role, "synchronous_commit")).isEqualTo("on");
            assertIsAnOwnerButNoSuperuser(role);
            assertThat(query(role, "SELECT string_agg(body || ':' || mood, ',' ORDER BY id) FROM note"))
                    .isEqualTo("first:calm,second:busy");
            assertThat(query(role, "SELECT note_count()::text")).isEqualTo("2");
            role.createStatement().execute("INSERT INTO note (body, mood) VALUES ('third', 'busy')");
            assertThat(query(role, "SELECT count(*)::text FROM busy_note")).isEqualTo("2");
            assertThat(query(role, """
                            SELECT string_agg(name, ',' ORDER BY name) FROM (
                                SELECT c.relname AS name FROM pg_class c
                                 WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> 'liaison'::regrole
                                UNION ALL SELECT proname FROM pg_proc
                                 WHERE pronamespace = 'public'::regnamespace AND proowner <> 'liaison'::regrole
                                UNION ALL SELECT typname FROM pg_type
                                 WHERE typnamespace = 'public'::regnamespace AND typowner <> 'liaison'::regrole
                            ) AS not_liaisons"""))
                    .as("objects in the database not owned by liaison")
                    .isNull();
            assertThat(query(role, "SELECT count(*)::text FROM flyway_schema_history WHERE NOT success"))
                    .as("Liaison's migrations ran as liaison on the upgraded database")
                    .isEqualTo("0");
        }
    }

    /** Without a password, with a wrong one, as the superuser or as Liaison's role: the server says no. */
    private static void assertRefusedWithoutTheirPasswords(int port) {
        for (String user : List.of("postgres", "liaison")) {
            assertThatThrownBy(() -> LiaisonProcess.connect(port, user, null).close())
                    .as("%s without a password", user)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SCRAM");
            assertThatThrownBy(() -> LiaisonProcess.connect(port, user, "not-the-password")
                            .close())
                    .as("%s with a wrong password", user)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INVALID_PASSWORD));
        }
    }

    private static void assertIsAnOwnerButNoSuperuser(Connection liaison) throws SQLException {
        assertThat(query(
                        liaison,
                        "SELECT concat_ws(',', rolsuper, rolcreaterole, rolcreatedb, rolreplication)"
                                + " FROM pg_roles WHERE rolname = current_user"))
                .isEqualTo("f,f,f,f");
        assertThat(query(liaison, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                .isEqualTo("liaison");
        assertThatThrownBy(() -> liaison.createStatement().execute("COPY (SELECT 1) TO PROGRAM 'true'"))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        assertThatThrownBy(() -> liaison.createStatement().execute("SELECT pg_read_file('postgresql.conf')"))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private static String ownerOnlyPassword(Path file) throws Exception {
        assertThat(Files.getPosixFilePermissions(file))
                .as(file.toString())
                .containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        return password;
    }

    private static String show(Connection connection, String setting) throws SQLException {
        return query(connection, "SHOW " + setting);
    }

    private static @Nullable String query(Connection connection, String sql) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
