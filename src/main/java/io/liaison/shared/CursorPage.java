package io.liaison.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page of a keyset-paginated list and the opaque cursor of the next one, if any. */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that there is more.
     */
    public static <T> CursorPage<T> of(List<T> fetched, int limit, Function<T, UUID> key) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new CursorPage<>(List.copyOf(items), encode(key.apply(items.get(limit - 1))));
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }

    public static String encode(UUID id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(id.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor of several values, such as a sort value and an id. */
    public static String encode(String... parts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code count} values of a cursor {@link #encode(String...)} made; empty when it is not one. */
    public static List<String> parts(String cursor, int count) {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", count);
            return parts.length == count ? List.of(parts) : List.of();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    public static @Nullable UUID decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw LiaisonException.invalid("cursor", "invalid.cursor");
        }
    }

    /** The page size asked for, checked against the limits of the API. */
    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw LiaisonException.invalid("limit", "invalid.between", 1, MAX_LIMIT);
        }
        return requested;
    }
}
