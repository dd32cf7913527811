package io.liaison.push.template;

import java.time.Instant;
import java.util.UUID;

/** A saved template: its name (unique in the organization), subject and body, and who made it. */
public record PushTemplate(
        UUID id,
        String name,
        String subject,
        String body,
        UUID createdBy,
        String createdByName,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
