package io.liaison.task;

import io.liaison.shared.FeedEvent;
import java.util.Map;
import java.util.UUID;

/** A calendar event was called off: published in the transaction that cancelled it. */
public record EventCancelled(UUID orgId, UUID eventId, UUID actorId) implements FeedEvent {

    @Override
    public String action() {
        return "event.cancelled";
    }

    @Override
    public String targetType() {
        return "event";
    }

    @Override
    public UUID targetId() {
        return eventId;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of();
    }
}
