package io.liaison.identity.internal;

import io.liaison.shared.LiaisonProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The free space where the database and files are kept, as {@code diskSpace} in the health details:
 * Boot's own check names the directory, and health details name no paths of the server. Below
 * Boot's threshold of 10 MB it is DOWN.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    static final DataSize THRESHOLD = DataSize.ofMegabytes(10);

    @Bean
    HealthIndicator diskSpaceHealthIndicator(LiaisonProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath();
        return () -> {
            Path existing = dataDir;
            while (existing.getParent() != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            long free = existing.toFile().getUsableSpace();
            return (free >= THRESHOLD.toBytes() ? Health.up() : Health.down())
                    .withDetail("total", existing.toFile().getTotalSpace())
                    .withDetail("free", free)
                    .withDetail("threshold", THRESHOLD.toBytes())
                    .build();
        };
    }
}
