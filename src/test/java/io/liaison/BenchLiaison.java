package io.liaison;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Liaison started in a benchmark's JVM: its own data directory, a random port, no job scheduler, quiet logs. */
public final class BenchLiaison {

    private BenchLiaison() {}

    /** {@code more} adds or overrides properties. */
    public static ConfigurableApplicationContext start(Path dataDir, Map<String, Object> more) {
        return start(dataDir, more, context -> {});
    }

    /** {@code more} adds or overrides properties; {@code initializer} sees the context before its refresh. */
    public static ConfigurableApplicationContext start(
            Path dataDir,
            Map<String, Object> more,
            ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "liaison.data-dir", dataDir.toString(),
                "liaison.db.url", "",
                "server.port", "0",
                "db-scheduler.enabled", "false",
                "logging.level.root", "WARN",
                "spring.main.banner-mode", "off"));
        properties.putAll(more);
        SpringApplication spring = new SpringApplication(LiaisonApplication.class);
        spring.addInitializers(
                c -> c.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties)));
        spring.addInitializers(initializer);
        return spring.run();
    }
}
