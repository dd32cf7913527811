package io.liaison.shared;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A command run instead of the server ({@code java -jar liaison.jar NAME ...}): it reads its
 * arguments, starts the application on the same data directory, lock, database and migrations as the
 * server but without its HTTP port and scheduler, does its work and answers the exit status: 0 when
 * done, 2 for bad arguments (the problem and the usage printed), 1 otherwise.
 */
public final class HeadlessCommand {

    /** The command's work, once the application has started; answers the exit status. */
    @FunctionalInterface
    public interface Work<T> {
        int run(T options, ConfigurableApplicationContext context) throws Exception;
    }

    private HeadlessCommand() {}

    /**
     * Runs the command {@code name}: {@code parse} reads {@code args} (refusing them with an {@link
     * IllegalArgumentException}, see {@link CommandArguments}), then {@code work} runs in the started
     * application.
     */
    public static <T> int run(
            Class<?> application,
            String name,
            String usage,
            String[] args,
            PrintStream err,
            Function<String[], T> parse,
            Work<T> work) {
        T options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage);
            return 2;
        }
        SpringApplication spring = new SpringApplication(application);
        // The web and security beans need a servlet context, so one is made, but port -1 keeps the
        // server from opening any port; the scheduler stays off so that no job runs meanwhile.
        spring.addInitializers(context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        name,
                        Map.of(
                                "server.port",
                                "-1",
                                "db-scheduler.enabled",
                                "false",
                                "spring.main.banner-mode",
                                "off"))));
        try (ConfigurableApplicationContext context = spring.run()) {
            return work.run(options, context);
        } catch (Exception e) {
            err.println(name + " failed: " + e.getMessage());
            return 1;
        }
    }
}
