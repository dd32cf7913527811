package io.liaison.integration.api;

import io.liaison.integration.change.Change;
import io.liaison.integration.change.ChangeFeed;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A page of the change feed and where to read on. */
record ChangesResponse(
        List<Item> items,

        @Schema(description = "The cursor to resume from; equal to since when nothing is new", example = "MTIzNDo1Ng")
        String next) {

    /** One change: what happened to which record, with the names of the fields that changed. */
    record Item(
            @Schema(description = "Resuming from here reads the changes after this one", example = "MTIzNDo1Ng")
            String cursor,

            @Schema(example = "contact.updated") String type,
            @Schema(example = "contact") String resourceType,
            UUID resourceId,
            @Nullable UUID contactId,
            OffsetDateTime occurredAt,

            @Schema(
                    description = "The names of the fields that changed, the record's name and ids; never values",
                    example = "{\"fields\": [\"company\", \"title\"], \"name\": \"张三\"}")
            Map<String, Object> data) {}

    static ChangesResponse of(ChangeFeed.Page page) {
        return new ChangesResponse(
                page.items().stream().map(ChangesResponse::item).toList(), page.next());
    }

    private static Item item(Change c) {
        return new Item(
                c.cursor(),
                c.type(),
                c.resourceType(),
                c.resourceId(),
                c.contactId(),
                c.occurredAt().atOffset(ZoneOffset.UTC),
                c.data());
    }
}
