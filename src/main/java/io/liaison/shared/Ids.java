package io.liaison.shared;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Time-ordered UUIDv7 ids (RFC 9562), so that new rows land at the end of B-tree indexes. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /**
     * Ids from a request; {@code null} reads as none. Spring reads a blank element ({@code tagId=})
     * as {@code null}, which is refused naming the element rather than dropped or left to fail later.
     */
    public static List<UUID> given(String field, @Nullable List<@Nullable UUID> ids) {
        if (ids == null) {
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw LiaisonException.invalid(field + "[" + i + "]", "invalid.empty");
            }
        }
        return ids.stream().map(Objects::requireNonNull).toList();
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
