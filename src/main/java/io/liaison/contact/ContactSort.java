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

    /** What a list can be sorted by; contacts never contacted sort as the oldest. */
    public enum Key {
        UPDATED_AT("updatedAt", "c.updated_at", "timestamptz"),
        CREATED_AT("createdAt", "c.created_at", "timestamptz"),
        NAME("name", "c.name", "text"),
        LAST_CONTACTED_AT("lastContactedAt", "coalesce(c.last_contacted_at, '-infinity'::timestamptz)", "timestamptz");

        final String param;
        final String expression;
        final String type;

        Key(String param, String expression, String type) {
            this.param = param;
            this.expression = expression;
            this.type = type;
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
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + key.expression + direction + ", c.id" + direction;
    }

    /** The keyset condition after the row the cursor names. */
    String after() {
        return "(" + key.expression + ", c.id) " + (descending ? "<" : ">") + " (?::" + key.type + ", ?)";
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
                if ("timestamptz".equals(key.type)
                        && !"-infinity".equals(parts.get(1))
                        && !Times.storable(OffsetDateTime.parse(parts.get(1)))) {
                    throw new IllegalArgumentException(parts.get(1));
                }
                return new Object[] {parts.get(1), UUID.fromString(parts.get(2))};
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // answered below
        }
        throw LiaisonException.invalid("cursor", "invalid.cursor");
    }
}
