package io.liaison.contact.tag;

import io.liaison.contact.ContactLimits;
import io.liaison.shared.LiaisonException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Which tags one contact may carry together. Call it with the contact's complete set of tag ids
 * after the change (for "add", the current tags plus the new ones), inside the transaction that
 * stores them. Not transactional itself: a refusal must not mark the caller's transaction (a batch
 * over many contacts) for rollback.
 */
@Component
public class TagRules {

    private final TagRepository tags;

    TagRules(TagRepository tags) {
        this.tags = tags;
    }

    /**
     * Checks the tags of one contact and answers them without duplicates, in the order given.
     *
     * @throws LiaisonException 400 naming {@code tagIds} when there are more than {@value
     *     ContactLimits#TAGS} or when an id is not a tag of {@code orgId} (the unknown ids are
     *     listed); 422 {@code tag-group-exclusive} naming the group when two tags come from the same
     *     exclusive group
     */
    public List<UUID> requireAssignable(UUID orgId, Collection<UUID> tagIds) {
        return requireAssignable(tagIds, ids -> tags.findWithGroups(orgId, ids));
    }

    /** The tags of these ids in the organization, looked up once for the contacts of a batch. */
    public Map<UUID, TagInGroup> lookUp(UUID orgId, Collection<UUID> tagIds) {
        Map<UUID, TagInGroup> found = new HashMap<>();
        tags.findWithGroups(orgId, tagIds).forEach(t -> found.put(t.id(), t));
        return found;
    }

    /** {@link #requireAssignable(UUID, Collection)} with the tags {@link #lookUp looked up} beforehand. */
    public List<UUID> requireAssignable(Collection<UUID> tagIds, Map<UUID, TagInGroup> known) {
        return requireAssignable(
                tagIds,
                ids -> ids.stream().map(known::get).filter(Objects::nonNull).toList());
    }

    private static List<UUID> requireAssignable(Collection<UUID> tagIds, Function<Set<UUID>, List<TagInGroup>> lookUp) {
        Set<UUID> distinct = new LinkedHashSet<>(tagIds);
        if (distinct.size() > ContactLimits.TAGS) {
            throw LiaisonException.invalid("tagIds", "invalid.tags-per-contact", ContactLimits.TAGS);
        }
        if (distinct.isEmpty()) {
            return List.of();
        }
        List<TagInGroup> found = lookUp.apply(distinct);
        if (found.size() < distinct.size()) {
            Set<UUID> unknown = new LinkedHashSet<>(distinct);
            found.forEach(t -> unknown.remove(t.id()));
            throw LiaisonException.invalid("tagIds", "invalid.unknown-tags", unknown.size());
        }
        Map<UUID, List<TagInGroup>> byExclusiveGroup = new LinkedHashMap<>();
        for (TagInGroup tag : found) {
            if (tag.exclusive()) {
                byExclusiveGroup
                        .computeIfAbsent(tag.groupId(), g -> new ArrayList<>())
                        .add(tag);
            }
        }
        for (List<TagInGroup> inGroup : byExclusiveGroup.values()) {
            if (inGroup.size() > 1) {
                String group = inGroup.get(0).groupName();
                List<String> names = inGroup.stream().map(TagInGroup::name).toList();
                throw LiaisonException.withErrors(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "tag-group-exclusive",
                        List.of(LiaisonException.FieldError.of("tagIds", "invalid.one-tag-of-group", group)),
                        group,
                        String.join(", ", names));
            }
        }
        return List.copyOf(distinct);
    }
}
