package io.liaison.task;

import java.util.UUID;

/** A calendar event was called off: published in the transaction that cancelled it. */
public record EventCancelled(UUID orgId, UUID eventId, UUID actorId) {}
