package io.liaison.analytics;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code java -jar liaison.jar rebuild-figures --org CODE|all}: starts the application without its
 * HTTP port and scheduler (same data directory, lock, database and migrations as the server),
 * recomputes the figures of one organization or of all from the source tables, prints what each
 * rebuild wrote and how many kept rows differed, and exits: 0 when done, 2 for bad arguments, 1
 * otherwise.
 */
public final class FiguresRebuildCommand {

    public static final String NAME = "rebuild-figures";
    static final String USAGE = "Usage: java -jar liaison.jar rebuild-figures --org CODE"
            + " (an organization's code, or all for every organization)";

    private FiguresRebuildCommand() {}

    /** Runs the command for {@code args} (the first being {@value #NAME}); answers the exit status. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String org;
        try {
            org = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SpringApplication spring = new SpringApplication(application);
        // As the demo data command: a servlet context without a port, and no scheduler meanwhile.
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
            FiguresRebuild rebuild = context.getBean(FiguresRebuild.class);
            List<FiguresRebuild.Rebuilt> done;
            if (org.equals("all")) {
                done = rebuild.rebuildAll();
            } else {
                Optional<UUID> id = rebuild.organization(org);
                if (id.isEmpty()) {
                    err.println(NAME + ": no organization has the code '" + org + "'.");
                    return 1;
                }
                done = List.of(rebuild.rebuild(id.get()));
            }
            for (FiguresRebuild.Rebuilt r : done) {
                out.printf(
                        "%s: organization %s: %,d rows in %.1f s, %,d kept rows differed%n",
                        NAME, r.orgId(), r.rows(), r.took().toMillis() / 1000.0, r.differing());
                for (FiguresRebuild.TableCount t : r.tables()) {
                    out.printf(
                            "%s:   %s: %,d rows (%,d stale, %,d missing)%n",
                            NAME, t.table(), t.rows(), t.stale(), t.missing());
                }
            }
            return 0;
        } catch (Exception e) {
            err.println(NAME + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** The organization's code, or {@code all}. */
    static String parse(String[] args) {
        String org = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(NAME + ": " + name + " needs a value");
            }
            if (!name.equals("--org")) {
                throw new IllegalArgumentException(NAME + ": unknown option " + name);
            }
            if (!value.matches("all|[a-z0-9][a-z0-9-]{1,39}")) {
                throw new IllegalArgumentException(
                        NAME + ": --org must be an organization's code or all, not '" + value + "'");
            }
            org = value;
        }
        if (org == null) {
            throw new IllegalArgumentException(NAME + ": --org is required");
        }
        return org;
    }
}
