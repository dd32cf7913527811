package io.liaison.contact;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Tags (alone, or with their group) are being deleted: published in the deleting transaction before
 * they leave the contacts that carry them, so that a listener in that transaction still finds those
 * contacts. Their contacts get no {@link TagsChanged} each; their timelines record the deletion.
 */
public record TagsDeleted(UUID orgId, @Nullable UUID actorId, List<UUID> tagIds) {

    public TagsDeleted {
        tagIds = List.copyOf(tagIds);
    }
}
