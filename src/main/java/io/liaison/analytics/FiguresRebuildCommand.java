package io.liaison.analytics;

import io.liaison.shared.CommandArguments;
import io.liaison.shared.HeadlessCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
        return HeadlessCommand.run(
                application, NAME, USAGE, args, err, FiguresRebuildCommand::parse, (org, context) -> {
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
                });
    }

    /** The organization's code, or {@code all}. */
    static String parse(String[] args) {
        CommandArguments arguments = CommandArguments.parse(NAME, args, Set.of("--org"));
        String org = arguments.required("--org");
        if (!org.matches("all|[a-z0-9][a-z0-9-]{1,39}")) {
            throw arguments.wrong("--org must be an organization's code or all, not '" + org + "'");
        }
        return org;
    }
}
