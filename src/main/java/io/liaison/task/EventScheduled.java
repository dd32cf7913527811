package io.liaison.task;

import io.liaison.shared.FeedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A calendar event was planned or moved: published in the transaction that made or changed it, with
 * the time range and who attends as they now are. {@code sequence} is its iCalendar sequence, 0 when
 * it was made, higher after each change the attendees are told of.
 */
public record EventScheduled(
        UUID orgId,
        UUID eventId,
        UUID actorId,
        Instant startAt,
        Instant endAt,
        int sequence,
        List<UUID> memberIds,
        List<UUID> contactIds)
        implements FeedEvent {

    public EventScheduled {
        memberIds = List.copyOf(memberIds);
        contactIds = List.copyOf(contactIds);
    }

    @Override
    public String action() {
        return "event.scheduled";
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
        return Map.of(
                "startAt",
                startAt.toString(),
                "endAt",
                endAt.toString(),
                "sequence",
                sequence,
                "memberIds",
                memberIds.stream().map(UUID::toString).toList(),
                "contactIds",
                contactIds.stream().map(UUID::toString).toList());
    }
}
