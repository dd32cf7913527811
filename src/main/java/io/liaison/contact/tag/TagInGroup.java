package io.liaison.contact.tag;

import java.util.UUID;

/** A tag as the assignment rules need it: with its group's name and exclusivity. */
public record TagInGroup(UUID id, String name, UUID groupId, String groupName, boolean exclusive) {}
