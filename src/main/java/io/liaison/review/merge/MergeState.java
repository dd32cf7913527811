package io.liaison.review.merge;

import io.liaison.contact.Contact;
import io.liaison.contact.Contact.ContactDraft;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact's fields as a merge found them, kept in the merge record for the undo. */
record MergeState(ContactDraft fields, @Nullable OffsetDateTime lastContactedAt) {

    static MergeState of(Contact contact) {
        return new MergeState(contact.fields(), contact.lastContactedAt());
    }

    /** Every contact's state before the merge. */
    record Before(MergeState survivor, Map<UUID, MergeState> merged) {}
}
