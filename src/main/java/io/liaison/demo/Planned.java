package io.liaison.demo;

import io.liaison.contact.Contact.ContactDraft;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact of the batch being made up, before its row is written: the events that follow it (its
 * follow-ups, messages in its groups, pushes it received) move its last contact, which its row and its
 * search keys carry.
 */
final class Planned {

    /** How much happens around a contact: a few are very active, most are quiet. */
    enum Level {
        VERY_ACTIVE,
        ACTIVE,
        QUIET;

        static Level draw(SplittableRandom random) {
            int r = random.nextInt(100);
            return r < 5 ? VERY_ACTIVE : r < 30 ? ACTIVE : QUIET;
        }
    }

    final UUID id;
    final ContactDraft draft;
    final UUID owner;
    final Level level;
    /** Epoch seconds. */
    final long created;

    final long updated;
    /** The latest follow-up, epoch milliseconds; 0 for none. */
    long lastFollowUp;
    /** The latest contact other modules witnessed (messages, pushes), epoch milliseconds; 0 for none. */
    long lastActivity;

    Planned(UUID id, ContactDraft draft, Level level, long created, long updated) {
        this.id = id;
        this.draft = draft;
        this.owner = draft.ownerId();
        this.level = level;
        this.created = created;
        this.updated = updated;
    }

    @Nullable
    String email() {
        return draft.emails().isEmpty() ? null : draft.emails().get(0).address();
    }

    /** The contact was in touch at {@code millis}, as a message or an e-mail it got witnesses. */
    void touched(long millis) {
        lastActivity = Math.max(lastActivity, millis);
    }

    /** When the contact's events may happen from: its creation, at most a year back. */
    long windowStart(long yearAgo) {
        return Math.max(created, yearAgo);
    }

    /** The later of the last follow-up and the last witnessed contact, epoch milliseconds; 0 for never. */
    long lastContact() {
        return Math.max(lastFollowUp, lastActivity);
    }
}
