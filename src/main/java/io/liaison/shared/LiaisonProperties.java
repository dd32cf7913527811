package io.liaison.shared;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings every module shares ({@code liaison.*}): the data directory, the database, the
 * language of the first organization and the public URL. A module's own settings are a record of
 * that module (login limits in {@code identity}, the trash in {@code contact}, imports in {@code
 * integration}). The environment variables of the README map onto them in {@code
 * application.properties} or by Boot's relaxed binding.
 */
@ConfigurationProperties("liaison")
public record LiaisonProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue("zh-CN") String locale,
        @DefaultValue("http://localhost:8080") String baseUrl) {

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
}
