package io.liaison.push.audience;

import io.liaison.contact.ContactFilter;
import io.liaison.shared.LiaisonException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whom a push reaches: contacts matching a filter of the contact list and / or named by id (by
 * e-mail), customer groups (in their chat) and robots or webhooks (one message each).
 */
public record Audience(
        @Nullable ContactFilter filter, List<UUID> contactIds, List<UUID> conversationIds, List<UUID> channelIds) {

    public static final int MAX_CONTACT_IDS = 10_000;
    public static final int MAX_CONVERSATIONS = 500;
    public static final int MAX_CHANNELS = 20;

    public Audience {
        contactIds = List.copyOf(contactIds);
        conversationIds = List.copyOf(conversationIds);
        channelIds = List.copyOf(channelIds);
    }

    /** Refuses an empty audience and lists past their limits, naming the field. */
    public Audience checked() {
        if (contactIds.size() > MAX_CONTACT_IDS) {
            throw LiaisonException.tooMany("audience.contactIds", MAX_CONTACT_IDS);
        }
        if (conversationIds.size() > MAX_CONVERSATIONS) {
            throw LiaisonException.tooMany("audience.conversationIds", MAX_CONVERSATIONS);
        }
        if (channelIds.size() > MAX_CHANNELS) {
            throw LiaisonException.tooMany("audience.channelIds", MAX_CHANNELS);
        }
        if (filter == null && contactIds.isEmpty() && conversationIds.isEmpty() && channelIds.isEmpty()) {
            throw LiaisonException.invalid("audience", "invalid.push-audience-empty");
        }
        return this;
    }

    boolean reachesContacts() {
        return filter != null || !contactIds.isEmpty();
    }
}
