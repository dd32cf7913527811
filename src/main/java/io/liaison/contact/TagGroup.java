package io.liaison.contact;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * A named, coloured group of tags, such as "Type" or "Level". When {@code exclusive}, a contact
 * carries at most one of its tags.
 */
public record TagGroup(
        UUID id,
        @Schema(maxLength = 30, example = "行业") String name,

        @Schema(pattern = "^#[0-9A-F]{6}$", example = "#1E88E5")
        String color,

        int order,
        boolean exclusive,
        long version,
        List<Tag> tags) {

    public TagGroup {
        tags = List.copyOf(tags);
    }

    public TagGroup withTags(List<Tag> tags) {
        return new TagGroup(id, name, color, order, exclusive, version, tags);
    }
}
