package io.liaison.analytics.report;

import io.liaison.analytics.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A figure one can ask a series of: each kept {@link Metric} (its code), and two read from them, the
 * reply rate (answered of asked, in percent, by the day asked) and the median first-reply time (in
 * minutes, of the questions asked in the period and answered). Its name is the message {@code
 * analytics.figure.<code>}.
 */
public record Figure(String code, @Nullable Metric metric) {

    public static final Figure REPLY_RATE = new Figure("replies.rate", null);
    public static final Figure FIRST_REPLY_MINUTES = new Figure("replies.first-reply-minutes", null);

    private static final List<Figure> ALL;

    static {
        List<Figure> all = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            all.add(new Figure(metric.code(), metric));
        }
        all.add(REPLY_RATE);
        all.add(FIRST_REPLY_MINUTES);
        ALL = Collections.unmodifiableList(all);
    }

    /** Every figure, in the order the API lists them. */
    public static List<Figure> all() {
        return ALL;
    }

    public static Optional<Figure> of(String code) {
        return ALL.stream().filter(f -> f.code.equals(code)).findFirst();
    }

    public static Figure of(Metric metric) {
        return ALL.get(metric.ordinal());
    }

    /** The message naming the figure. */
    public String nameKey() {
        return "analytics.figure." + code;
    }

    /**
     * Can the figure be read for the contacts with a tag? New and active contacts can, from the
     * contacts' own rows; the others count members' work, which has no tag.
     */
    public boolean byTag() {
        return metric == Metric.NEW_CONTACTS || metric == Metric.ACTIVE_CONTACTS;
    }

    /** Is a value a count (whole), rather than a percentage or minutes? */
    public boolean isCount() {
        return metric != null;
    }
}
