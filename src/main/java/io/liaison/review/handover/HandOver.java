package io.liaison.review.handover;

import io.liaison.contact.ContactFilter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One hand-over as it stands: who hands to whom, what (contacts, conversations, tasks; of the contacts
 * a filter keeps, or all), the message to the contacts, and how far the job got.
 */
public record HandOver(
        UUID id,
        UUID fromMember,
        UUID toMember,
        UUID createdBy,
        @Nullable ContactFilter filter,
        List<String> include,
        @Nullable String channel,
        @Nullable String message,
        String language,
        String phase,
        @Nullable UUID contactCursor,
        int planned,
        int contacts,
        int conversations,
        int tasks,
        int messages,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime finishedAt) {

    public static final String CONTACTS = "contacts";
    public static final String CONVERSATIONS = "conversations";
    public static final String TASKS = "tasks";
    public static final List<String> PARTS = List.of(CONTACTS, CONVERSATIONS, TASKS);

    public boolean includes(String part) {
        return include.contains(part);
    }

    public boolean finished() {
        return finishedAt != null;
    }

    /** How far it got, 0 to 100: the contacts walked of those planned, then the rest. */
    public int percent() {
        if (finished()) {
            return 100;
        }
        if (planned == 0) {
            return phase.equals(CONTACTS) ? 0 : 90;
        }
        return Math.min(90, contacts * 90 / planned);
    }
}
