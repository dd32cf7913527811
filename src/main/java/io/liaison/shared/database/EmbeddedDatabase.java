package io.liaison.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that Liaison runs itself when no external database is configured. Its cluster lives
 * in {@code <data dir>/postgres} and is kept across restarts, with fsync on. It listens on localhost
 * only and asks every connection for a password (see {@link ClusterAccess}); the passwords are
 * generated into files of the data directory. A lock file in the data directory keeps a second
 * Liaison away; a server orphaned by a previous Liaison that was killed is stopped first.
 */
public final class EmbeddedDatabase implements Closeable {

    static final String DATABASE = "liaison";
    /** The superuser's password, for the operator (pg_dump, psql); Liaison itself does not use it. */
    static final String SUPERUSER_PASSWORD_FILE = "postgres-password";
    /** The password of Liaison's own role; set again on every start, so a lost file is replaced. */
    static final String ROLE_PASSWORD_FILE = "liaison-db-password";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final @Nullable ProcessHandle server;
    private final String rolePassword;

    private EmbeddedDatabase(
            FileChannel lockChannel,
            FileLock lock,
            EmbeddedPostgres postgres,
            @Nullable ProcessHandle server,
            String rolePassword) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.server = server;
        this.rolePassword = rolePassword;
    }

    /**
     * Starts (and on first use creates) the cluster under {@code dataDir}, with {@code sharedBuffers}
     * for its page cache, or when null a quarter of the machine's memory between 128MB and 2GB:
     * PostgreSQL's own default of 128MB holds a tenth of a million contacts' tables, and every page
     * it misses costs a system call (tens of microseconds on a small virtual machine).
     */
    public static EmbeddedDatabase start(Path dataDir, @Nullable String sharedBuffers) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(
                    dataDir.resolve("liaison.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockOrRefuse(channel, dataDir);
            channel.truncate(0)
                    .write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            Path cluster = dataDir.resolve("postgres");
            stopOrphanedServer(cluster);
            removeUnfinishedCluster(cluster);
            Path superuserPasswordFile = dataDir.resolve(SUPERUSER_PASSWORD_FILE);
            if (ClusterAccess.passwordsRequired(cluster) && !Files.exists(superuserPasswordFile)) {
                throw new IllegalStateException("The embedded PostgreSQL in " + cluster.toAbsolutePath()
                        + " needs the password of postgres from " + superuserPasswordFile.toAbsolutePath()
                        + ", which is missing; restore it from a backup of the data directory.");
            }
            String superuserPassword = PasswordFile.readOrCreate(superuserPasswordFile);
            String rolePassword = PasswordFile.readOrCreate(dataDir.resolve(ROLE_PASSWORD_FILE));
            EmbeddedPostgres postgres = startServer(
                    cluster,
                    superuserPasswordFile,
                    superuserPassword,
                    sharedBuffers != null ? sharedBuffers : defaultSharedBuffers());
            EmbeddedDatabase database = new EmbeddedDatabase(
                    channel, lock, postgres, runningServer(cluster).orElse(null), rolePassword);
            try {
                ClusterAccess.secure(postgres.getPort(), cluster, superuserPassword, rolePassword);
            } catch (SQLException | IOException | RuntimeException e) {
                IllegalStateException failure =
                        new IllegalStateException("Could not set up the roles of the embedded PostgreSQL", e);
                try {
                    database.close();
                } catch (IOException stopFailure) {
                    failure.addSuppressed(stopFailure);
                }
                throw failure;
            }
            // The port is free-picked on every start; operators need it for pg_dump and psql.
            log.info(
                    "Embedded PostgreSQL listening on localhost:{}, data in {}",
                    postgres.getPort(),
                    cluster.toAbsolutePath().normalize());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static EmbeddedPostgres startServer(
            Path cluster, Path superuserPasswordFile, String superuserPassword, String sharedBuffers)
            throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setLocaleConfig("lc-collate", "C")
                .setLocaleConfig("lc-ctype", "C.UTF-8")
                // Not locales: zonky passes these to initdb as --name=value after its own "-A trust",
                // so a new cluster asks for passwords from its first start.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig(
                        "pwfile", superuserPasswordFile.toAbsolutePath().toString())
                // zonky connects as postgres to see that the server is up.
                .setConnectConfig("password", superuserPassword)
                // zonky starts the server with -F (fsync off, for throw-away test databases); a -c
                // after it wins. Without fsync a power loss can lose committed data or corrupt the
                // cluster.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "localhost")
                // No Unix socket (zonky's binaries would put it in /tmp): TCP on localhost only.
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("shared_buffers", sharedBuffers)
                // Room to hash a search's list of name matches instead of scanning it per row.
                .setServerConfig("work_mem", "16MB")
                // An import of a million contacts writes several GB of WAL; at the default 1 GB a
                // checkpoint every few seconds makes each first change of a page log the whole page.
                .setServerConfig("max_wal_size", "4GB")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    static String defaultSharedBuffers() {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long megabytes = Math.max(128, Math.min(2048, total / 4 / (1024 * 1024)));
        return megabytes + "MB";
    }

    private static FileLock lockOrRefuse(FileChannel channel, Path dataDir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            String holder = readFirstLine(dataDir.resolve("liaison.lock")).orElse("unknown");
            throw new DataDirectoryInUseException(dataDir, holder);
        }
        return lock;
    }

    /**
     * After {@code kill -9} of a JVM, its PostgreSQL keeps running and holds postmaster.pid. Such a
     * server belongs to nobody now (this process holds the data directory lock), so stop it.
     */
    private static void stopOrphanedServer(Path cluster) throws IOException {
        Optional<ProcessHandle> orphan = runningServer(cluster);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        log.warn("Stopping PostgreSQL (pid {}) left running by a Liaison that did not shut down", server.pid());
        if (!fastShutdown(server)) {
            server.destroy();
        }
        if (!waitFor(server)) {
            log.warn("PostgreSQL (pid {}) did not stop in {}; killing it", server.pid(), STOP_WAIT);
            server.destroyForcibly();
            waitFor(server);
        }
    }

    /** The server that {@code postmaster.pid} names, if it runs. */
    private static Optional<ProcessHandle> runningServer(Path cluster) throws IOException {
        return readFirstLine(cluster.resolve("postmaster.pid"))
                .flatMap(pid -> parsePid(pid))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown: it disconnects clients (a psql left open), where SIGTERM,
     * the only signal Java sends, waits for them. pg_ctl would do it too but refuses to run as root.
     */
    private static boolean fastShutdown(ProcessHandle server) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(server.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return waitFor(kill.toHandle()) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitFor(ProcessHandle process) {
        try {
            process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** initdb interrupted before it wrote its configuration leaves a directory initdb refuses. */
    private static void removeUnfinishedCluster(Path cluster) throws IOException {
        if (!Files.isDirectory(cluster) || Files.exists(cluster.resolve("postgresql.conf"))) {
            return;
        }
        try (Stream<Path> files = Files.walk(cluster)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            if (all.size() > 1) {
                log.warn("Removing an unfinished database cluster in {}", cluster);
            }
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readFirstLine(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst();
        }
    }

    /** Where Liaison connects, as {@link #user()}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** Liaison's own role: it owns the database but is no superuser. */
    public String user() {
        return ClusterAccess.ROLE;
    }

    public String password() {
        return rolePassword;
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * zonky's stop gives the server 5 s; with fsync on, its last checkpoint after a large import can
     * take longer. The data directory stays locked until the server has exited, so that the next
     * Liaison does not find it still running.
     */
    @Override
    public void close() throws IOException {
        try {
            postgres.close();
            if (server != null && !waitFor(server)) {
                log.warn("PostgreSQL (pid {}) still runs {} after it was asked to stop", server.pid(), STOP_WAIT);
            }
        } finally {
            releaseLock();
        }
    }

    private void releaseLock() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        lockChannel.close();
    }
}
