package io.liaison.contact.followup;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A contact's latest follow-up as the contact list shows it: its type, when, and the start of its content. */
public record LastFollowUp(UUID contactId, String type, String snippet, OffsetDateTime occurredAt) {

    /** The most characters of the content the list shows. */
    public static final int SNIPPET = 80;
}
