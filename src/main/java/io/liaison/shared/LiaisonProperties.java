package io.liaison.shared;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Liaison's own settings ({@code liaison.*}); the environment variables of the README map onto
 * them in {@code application.properties}.
 */
@ConfigurationProperties("liaison")
public record LiaisonProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @Nullable String adminPassword,
        @DefaultValue("Liaison") String organizationName,
        @DefaultValue("zh-CN") String locale,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue Login login,
        @DefaultValue Trash trash,
        @DefaultValue Imports imports) {

    /**
     * An external PostgreSQL; when {@code url} is empty, the embedded one is used, with {@code
     * sharedBuffers} of memory for its page cache (a PostgreSQL size such as {@code 512MB}; when
     * unset, a quarter of the machine's memory between 128MB and 2GB).
     */
    public record Db(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            @DefaultValue("10s") Duration connectionTimeout,
            @Nullable String sharedBuffers) {}

    /**
     * Imports: the largest file accepted, how many records one transaction takes, and how long
     * files and finished jobs are kept; then the limits of what one file may hold, so that a small
     * upload cannot exhaust memory: records (rows or cards), columns, characters in a cell, and
     * for a workbook (a ZIP) the inflated size of each of its parts and how many times that part
     * may be larger than its compressed bytes.
     */
    public record Imports(
            @DefaultValue("200MB") DataSize maxFileSize,
            @DefaultValue("5000") int batchSize,
            @DefaultValue("24h") Duration keepFiles,
            @DefaultValue("1000000") int maxRows,
            @DefaultValue("200") int maxColumns,
            @DefaultValue("32767") int maxCellChars,
            @DefaultValue("100MB") DataSize maxEntrySize,
            @DefaultValue("100") int maxCompressionRatio) {}

    /** How long deleted contacts stay restorable before they are purged for good. */
    public record Trash(@DefaultValue("30d") Duration retention) {}

    /**
     * Failed logins. A client without a device cookie of the member is slowed after {@code
     * maxFailuresPerClient} failures for an organization's login from its address, and every such client
     * after {@code maxFailuresPerLogin} failures for that login together: {@code firstDelay}, doubling
     * with each further failure up to {@code maxDelay}. Failures are forgotten after {@code
     * forgetAfter} or a success. A client with a device cookie (kept {@code deviceLifetime}, at most
     * {@code devicesPerMember} a member) is judged by its own failures: after {@code
     * maxFailuresPerDevice} its cookie is void. {@code maxFailuresPerAddress} failures from an address
     * within {@code window} block every login from it without a device cookie. Attempts are kept
     * {@code keepAttempts}.
     */
    public record Login(
            @DefaultValue("5") int maxFailuresPerClient,
            @DefaultValue("10") int maxFailuresPerLogin,
            @DefaultValue("1m") Duration firstDelay,
            @DefaultValue("1h") Duration maxDelay,
            @DefaultValue("24h") Duration forgetAfter,
            @DefaultValue("10") int maxFailuresPerDevice,
            @DefaultValue("180d") Duration deviceLifetime,
            @DefaultValue("10") int devicesPerMember,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("30d") Duration keepAttempts) {}
}
