package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a member's phone address book holds: the live contacts they follow, collaborate on or that
 * are shared with them (or their departments), and those carrying one of the organization's address
 * book tags, always only those the member sees (the access predicate, in SQL). Each contact comes
 * masked exactly as the contact list shows it to the member.
 */
@Component
public class ContactAddressBook {

    private final ContactRepository contacts;
    private final ContactAccess access;

    ContactAddressBook(ContactRepository contacts, ContactAccess access) {
        this.contacts = contacts;
        this.access = access;
    }

    /**
     * At most {@code limit} contacts of the member's book (their own first, then by name), or of
     * those among {@code ids} (null: all), with the tags {@code tagIds} in the book.
     */
    @Transactional(readOnly = true)
    public List<Contact> cards(Actor actor, List<UUID> tagIds, @Nullable Collection<UUID> ids, int limit) {
        SqlFragment held = access.personal(actor, "c");
        if (!tagIds.isEmpty()) {
            held = held.or(SqlFragment.of("c.tag_ids && ?::uuid[]", (Object) tagIds.toArray(UUID[]::new)));
        }
        SqlFragment where = access.visible(actor, "c")
                .and(SqlFragment.of("c.trashed_at IS NULL"))
                .and(held);
        if (ids != null) {
            where = where.and(SqlFragment.of("c.id = ANY (?)", (Object) ids.toArray(UUID[]::new)));
        }
        List<Object> params = new ArrayList<>(where.params());
        params.add(actor.memberId());
        params.add(limit);
        return contacts.query(where.sql(), params, "ORDER BY (c.owner_id = ?) DESC, c.name_sort, c.id LIMIT ?").stream()
                .map(c -> access.seesInFull(actor, c.ownerId()) ? c : c.maskedView())
                .toList();
    }
}
