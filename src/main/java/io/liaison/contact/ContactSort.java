package io.liaison.contact;

import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Times;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The order of a contact list and its keyset cursor: the sort value and the id of the last row, so
 * that the next page continues exactly there, however many rows arrive meanwhile.
 */
public record ContactSort(Key key, boolean descending) {

    /**
     * What a list can be sorted by, each over a column (or expression) that an index holds in order:
     * the name by its pinyin key ({@link ChineseNames#sortKey}), the last contact by {@code
     * contact_recency}, which is smallest for the most recent and 0 for never, so that contacts never
     * contacted sort as the oldest.
     */
    public enum Key {
        UPDATED_AT("updatedAt", "c.updated_at", "timestamptz", false),
        CREATED_AT("createdAt", "c.created_at", "timestamptz", false),
        NAME("name", "c.name_sort", "text", false),
        LAST_CONTACTED_AT("lastContactedAt", "contact_recency(c.last_contacted_at)", "bigint", true);

        final String param;
        final String expression;
        final String type;
        /** Does the expression grow as the sort value shrinks? */
        final boolean reversed;

        Key(String param, String expression, String type, boolean reversed) {
            this.param = param;
            this.expression = expression;
            this.type = type;
            this.reversed = reversed;
        }
    }

    public static final ContactSort DEFAULT = new ContactSort(Key.UPDATED_AT, true);

    /**
     * Parses {@code updatedAt}, {@code -updatedAt}, {@code name}... as API.md names them; null when
     * none is given, which means best matches first when searching and {@link #DEFAULT} otherwise.
     */
    public static @Nullable ContactSort parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        for (Key key : Key.values()) {
            if (key.param.equals(name)) {
                return new ContactSort(key, descending);
            }
        }
        throw LiaisonException.invalid("sort", "invalid.sort");
    }

    String orderBy() {
        String direction = down() ? " DESC" : " ASC";
        return " ORDER BY " + key.expression + direction + ", c.id" + direction;
    }

    /** The keyset condition after the row the cursor names. */
    String after() {
        return "(" + key.expression + ", c.id) " + (down() ? "<" : ">") + " (?::" + key.type + ", ?)";
    }

    /** Is the expression in descending order? */
    private boolean down() {
        return descending != key.reversed;
    }

    String cursorOf(Contact c) {
        String value = switch (key) {
            case UPDATED_AT -> c.updatedAt().toString();
            case CREATED_AT -> c.createdAt().toString();
            case NAME -> c.name();
            case LAST_CONTACTED_AT ->
                c.lastContactedAt() == null ? "-infinity" : c.lastContactedAt().toString();
        };
        return CursorPage.encode(key.param, value, c.id().toString());
    }

    /** The sort value and id of a cursor this sort handed out. */
    Object[] decode(String cursor) {
        List<String> parts = CursorPage.parts(cursor, 3);
        try {
            if (!parts.isEmpty() && parts.get(0).equals(key.param)) {
                return new Object[] {value(parts.get(1)), UUID.fromString(parts.get(2))};
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // answered below
        }
        throw LiaisonException.invalid("cursor", "invalid.cursor");
    }

    /** The value of the sort expression for the value a cursor holds. */
    private Object value(String value) {
        return switch (key) {
            case NAME -> ChineseNames.sortKey(value);
            case UPDATED_AT, CREATED_AT -> time(value).toString();
            case LAST_CONTACTED_AT -> "-infinity".equals(value) ? 0L : ContactCopy.recency(time(value));
        };
    }

    private static OffsetDateTime time(String value) {
        OffsetDateTime time = OffsetDateTime.parse(value);
        if (!Times.storable(time)) {
            throw new IllegalArgumentException(value);
        }
        return time;
    }
}
