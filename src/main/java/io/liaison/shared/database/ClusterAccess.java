package io.liaison.shared.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded cluster, and as whom Liaison does: every connection needs a
 * password (SCRAM); Liaison connects as {@code liaison}, a role that owns the database {@code
 * liaison} and everything in it but is no superuser, so it cannot read or write the server's files
 * or run programs ({@code COPY ... TO PROGRAM}). The superuser {@code postgres} is for the operator.
 *
 * <p>A cluster of an earlier release trusted every local connection and had everything owned by
 * {@code postgres}. {@link #secure} brings it here on its next start; each step may run again, and
 * passwords become required only after the others, so a start interrupted half-way is finished by
 * the next one.
 */
final class ClusterAccess {

    static final String SUPERUSER = "postgres";
    static final String ROLE = "liaison";
    private static final Logger log = LoggerFactory.getLogger(ClusterAccess.class);
    private static final String SCRAM = "scram-sha-256";
    private static final String HBA = """
            # Liaison's embedded PostgreSQL: a password (SCRAM) for every connection, from this machine only.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;

    /**
     * The statements that hand the objects of a database that {@code postgres} owns to {@code
     * liaison}: schemas, relations, routines and types. A table takes its indexes and the sequences
     * of its columns along. Objects of an extension stay with it: they belong to the bootstrap
     * superuser even when the database owner creates a trusted extension.
     */
    private static final String OWNER_CHANGES = """
            WITH own AS (SELECT oid, nspname, nspowner FROM pg_namespace
                         WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%'),
                 extension_member AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
            SELECT format('ALTER SCHEMA %I OWNER TO liaison', own.nspname)
              FROM own
             WHERE own.nspowner = 'postgres'::regrole
               AND own.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_namespace'::regclass)
            UNION ALL
            SELECT format('ALTER TABLE %s OWNER TO liaison', c.oid::regclass)
              FROM pg_class c JOIN own ON own.oid = c.relnamespace
             WHERE c.relowner = 'postgres'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
               AND c.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_class'::regclass)
               AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                        AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
            UNION ALL
            SELECT format('ALTER ROUTINE %s OWNER TO liaison', p.oid::regprocedure)
              FROM pg_proc p JOIN own ON own.oid = p.pronamespace
             WHERE p.proowner = 'postgres'::regrole
               AND p.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_proc'::regclass)
            UNION ALL
            SELECT format('ALTER TYPE %s OWNER TO liaison', t.oid::regtype)
              FROM pg_type t JOIN own ON own.oid = t.typnamespace
             WHERE t.typowner = 'postgres'::regrole AND t.typtype IN ('c', 'd', 'e', 'r')
               AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
               AND t.oid NOT IN (SELECT objid FROM extension_member WHERE classid = 'pg_type'::regclass)
            """;

    private ClusterAccess() {}

    /**
     * Whether the cluster in {@code cluster} asks every connection for a password: each rule of its
     * {@code pg_hba.conf} uses SCRAM or rejects. A cluster of an earlier release trusts local ones.
     */
    static boolean passwordsRequired(Path cluster) throws IOException {
        Path hba = cluster.resolve("pg_hba.conf");
        if (!Files.isRegularFile(hba)) {
            return false;
        }
        List<String> methods = new ArrayList<>();
        try (Stream<String> lines = Files.lines(hba, StandardCharsets.UTF_8)) {
            lines.map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    // The method is the last field that is not an option (name=value).
                    .map(line -> Stream.of(line.split("\\s+"))
                            .filter(field -> !field.contains("="))
                            .reduce((first, second) -> second)
                            .orElse(""))
                    .forEach(methods::add);
        }
        return !methods.isEmpty() && methods.stream().allMatch(m -> m.equals(SCRAM) || m.equals("reject"));
    }

    /**
     * Makes the running cluster on {@code port} what this class describes, whether it is new or of
     * an earlier release: the superuser's password, the role with its password, the database it
     * owns with everything in it, and last, passwords required from every connection.
     */
    static void secure(int port, Path cluster, String superuserPassword, String rolePassword)
            throws SQLException, IOException {
        boolean upgrade = !passwordsRequired(cluster);
        try (Connection c = asSuperuser(port, "postgres", superuserPassword);
                Statement statement = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            if (upgrade) {
                log.warn("The embedded PostgreSQL lets local connections in without a password; securing it");
                pg.alterUserPassword(SUPERUSER, superuserPassword.toCharArray(), SCRAM);
            }
            boolean roleExists = exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'");
            statement.execute((roleExists ? "ALTER" : "CREATE") + " ROLE " + ROLE
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            // The password travels as a SCRAM verifier computed here, never as text.
            pg.alterUserPassword(ROLE, rolePassword.toCharArray(), SCRAM);
            if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + EmbeddedDatabase.DATABASE + "'")) {
                statement.execute("CREATE DATABASE " + EmbeddedDatabase.DATABASE + " OWNER " + ROLE);
            } else {
                statement.execute("ALTER DATABASE " + EmbeddedDatabase.DATABASE + " OWNER TO " + ROLE);
            }
        }
        handOverObjects(port, superuserPassword);
        if (upgrade) {
            PasswordFile.writeOwnerOnly(cluster.resolve("pg_hba.conf"), HBA);
            try (Connection c = asSuperuser(port, "postgres", superuserPassword);
                    Statement statement = c.createStatement()) {
                statement.execute("SELECT pg_reload_conf()");
            }
            log.info("The embedded PostgreSQL now asks every connection for a password");
        }
    }

    /** In one transaction, so that the objects change owner all together or not at all. */
    private static void handOverObjects(int port, String superuserPassword) throws SQLException {
        try (Connection c = asSuperuser(port, EmbeddedDatabase.DATABASE, superuserPassword);
                Statement statement = c.createStatement()) {
            c.setAutoCommit(false);
            List<String> changes = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(OWNER_CHANGES)) {
                while (rs.next()) {
                    changes.add(rs.getString(1));
                }
            }
            for (String change : changes) {
                statement.execute(change);
            }
            c.commit();
            if (!changes.isEmpty()) {
                log.info(
                        "Handed {} objects of the database {} to the role {}",
                        changes.size(),
                        EmbeddedDatabase.DATABASE,
                        ROLE);
            }
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            return rs.next();
        }
    }

    static Connection asSuperuser(int port, String database, String superuserPassword) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/" + database, SUPERUSER, superuserPassword);
    }
}
