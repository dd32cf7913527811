package io.liaison.demo;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code java -jar liaison.jar demo-data --contacts N [--seed S]}: starts the application without its
 * HTTP port and scheduler (same data directory, lock, database and migrations as the server), loads
 * the demo data into the first organization and exits: 0 when done, 2 for bad arguments, 1 otherwise.
 */
public final class DemoDataCommand {

    public static final String NAME = "demo-data";
    static final String USAGE = "Usage: java -jar liaison.jar demo-data [--contacts N] [--seed S]"
            + " (N from 1 to 50000000, default 100000; S any whole number, default 42)";

    /** What was asked for. */
    record Options(int contacts, long seed) {}

    private DemoDataCommand() {}

    /** Runs the command for {@code args} (the first being {@value #NAME}); answers the exit status. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SpringApplication spring = new SpringApplication(application);
        // The web and security beans need a servlet context, so one is made, but port -1 keeps the
        // server from opening any port; the scheduler stays off so that no job runs meanwhile.
        spring.addInitializers(context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        NAME,
                        Map.of(
                                "server.port",
                                "-1",
                                "db-scheduler.enabled",
                                "false",
                                "spring.main.banner-mode",
                                "off"))));
        try (ConfigurableApplicationContext context = spring.run()) {
            DemoData demo = context.getBean(DemoData.class);
            Optional<UUID> org = demo.firstOrganization();
            if (org.isEmpty()) {
                err.println("demo-data: the database has no organization to fill.");
                return 1;
            }
            out.printf(
                    "demo-data: adding %,d contacts (seed %d) to organization %s%n",
                    options.contacts(), options.seed(), org.get());
            DemoData.Result result = demo.generate(
                    org.get(), options.contacts(), options.seed(), line -> out.println("demo-data: " + line));
            double seconds = Math.max(result.took().toMillis(), 1) / 1000.0;
            DemoData.Events events = result.events();
            out.printf(
                    "demo-data: added %,d contacts, %,d e-mails, %,d tag assignments, %,d follow-ups,"
                            + " %d members and %d tags in %.1f s (%,.0f contacts/s)%n",
                    result.contacts(),
                    result.emails(),
                    result.contactTags(),
                    result.followUps(),
                    result.membersCreated(),
                    result.tagsCreated(),
                    seconds,
                    result.contacts() / seconds);
            out.printf(
                    "demo-data: and %,d external groups with %,d guests and %,d messages, %,d pushes to %,d recipients,"
                            + " %,d opt-outs and %,d tasks: %,d events in all%n",
                    events.groups(),
                    events.guests(),
                    events.messages(),
                    events.pushes(),
                    events.pushRecipients(),
                    events.optOuts(),
                    events.tasks(),
                    events.total(result));
            return 0;
        } catch (Exception e) {
            err.println("demo-data failed: " + e.getMessage());
            return 1;
        }
    }

    static Options parse(String[] args) {
        int contacts = 100_000;
        long seed = 42;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("demo-data: " + name + " needs a value");
            }
            switch (name) {
                case "--contacts" -> contacts = (int) number(name, value, 1, 50_000_000);
                case "--seed" -> seed = number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException("demo-data: unknown option " + name);
            }
        }
        return new Options(contacts, seed);
    }

    private static long number(String name, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("demo-data: " + name + " must be a whole number, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("demo-data: " + name + " must be between " + min + " and " + max);
        }
        return n;
    }
}
