package io.liaison.contact;

import io.liaison.identity.Actor;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Entries of a contact's timeline that another module keeps, such as a group chat's activity of a
 * day: the timeline asks each source for a page and merges them with its own entries by id. An entry's
 * id is a UUIDv7 whose time is the entry's {@code at}, as the timeline's own ids are, so that one
 * cursor pages through all of them.
 */
public interface TimelineSource {

    /**
     * At most {@code limit} of the contact's entries that {@code viewer} may see, newest first, with ids
     * below {@code before} ({@code null}: the newest). The contact is one the viewer sees.
     */
    List<TimelineEntry> entries(Actor viewer, UUID contactId, @Nullable UUID before, int limit);
}
