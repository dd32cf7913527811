package io.liaison.contact;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact with a contact that other modules witness, such as a message the contact posted in a group
 * chat as a guest: it moves the contact's last-contacted time as a follow-up does, without a
 * follow-up of its own. To the minute: a conversation's every message does not rewrite the contact.
 */
@Service
public class ContactActivity {

    static final Duration STEP = Duration.ofMinutes(1);
    /** The most contacts one call may name: a group's guests, who are far fewer. */
    public static final int MAX_AT_ONCE = 1000;

    private final ContactRepository contacts;

    ContactActivity(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** The organization's contact {@code contactId} was in touch at {@code at}; a trashed contact stays as it is. */
    @Transactional
    public void contacted(UUID orgId, UUID contactId, OffsetDateTime at) {
        contacts.touchLastContactedBy(orgId, contactId, at, STEP);
    }

    /**
     * The organization's contacts {@code contactIds} were in touch at {@code at}, such as the guests of
     * a group a member wrote in; at most {@link #MAX_AT_ONCE} of them.
     */
    @Transactional
    public void contacted(UUID orgId, Collection<UUID> contactIds, OffsetDateTime at) {
        if (contactIds.size() > MAX_AT_ONCE) {
            throw new IllegalArgumentException(
                    "At most " + MAX_AT_ONCE + " contacts at once, not " + contactIds.size());
        }
        if (!contactIds.isEmpty()) {
            contacts.touchLastContactedBy(orgId, contactIds.toArray(UUID[]::new), at, STEP);
        }
    }
}
