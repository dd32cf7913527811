package io.liaison.demo;

import io.liaison.shared.CommandArguments;
import io.liaison.shared.HeadlessCommand;
import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
        return HeadlessCommand.run(application, NAME, USAGE, args, err, DemoDataCommand::parse, (options, context) -> {
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
        });
    }

    static Options parse(String[] args) {
        CommandArguments arguments = CommandArguments.parse(NAME, args, Set.of("--contacts", "--seed"));
        return new Options(
                (int) arguments.number("--contacts", 100_000, 1, 50_000_000),
                arguments.number("--seed", 42, Long.MIN_VALUE, Long.MAX_VALUE));
    }
}
