package io.liaison.contact.web;

import io.liaison.contact.Tag;
import io.liaison.contact.TagGroup;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The organization's tags as the contact pages show them: read once per request, so that every row
 * finds its tags' names and colours here instead of asking the service again.
 */
record TagChips(List<TagGroup> groups, Map<UUID, Chip> byId) {

    /** A tag with the colour of its group, in the order the groups and their tags have. */
    record Chip(UUID id, String name, String color, int rank) {}

    TagChips {
        groups = List.copyOf(groups);
        byId = Map.copyOf(byId);
    }

    static TagChips of(List<TagGroup> groups) {
        Map<UUID, Chip> chips = new HashMap<>();
        for (TagGroup group : groups) {
            for (Tag tag : group.tags()) {
                chips.put(tag.id(), new Chip(tag.id(), tag.name(), group.color(), chips.size()));
            }
        }
        return new TagChips(groups, chips);
    }

    /** The known tags among {@code ids}, in the groups' order; a tag deleted meanwhile is left out. */
    public List<Chip> chipsOf(Collection<UUID> ids) {
        return ids.stream()
                .distinct()
                .map(byId::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingInt(Chip::rank))
                .toList();
    }
}
