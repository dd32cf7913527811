package io.liaison.shared.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a reader opens a record a text names: a contact on its page, a tag as the contacts that carry
 * it, a member or department on its form for those who manage members; other records have no page.
 */
public final class RecordLinks {

    private RecordLinks() {}

    public static @Nullable String href(String kind, UUID id, boolean managesMembers) {
        return switch (kind) {
            case "contact" -> "/contacts/" + id;
            case "tag" -> "/contacts?tagId=" + id;
            case "member" -> managesMembers ? "/members/" + id + "/edit" : null;
            case "department" -> managesMembers ? "/departments/" + id + "/edit" : null;
            default -> null;
        };
    }
}
