package io.liaison.integration.dav;

import io.liaison.shared.AuditableEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An administrator changed the tags whose contacts every member's phone address book also holds. */
public record AddressBookTagsChanged(UUID orgId, UUID actorId, List<UUID> tagIdsBefore, List<UUID> tagIdsAfter)
        implements AuditableEvent {

    @Override
    public String action() {
        return "organization.address-book-tags-changed";
    }

    @Override
    public String targetType() {
        return "organization";
    }

    @Override
    public UUID targetId() {
        return orgId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of(
                "addressBookTagIds", tagIdsBefore.stream().map(UUID::toString).toList());
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of(
                "addressBookTagIds", tagIdsAfter.stream().map(UUID::toString).toList());
    }
}
