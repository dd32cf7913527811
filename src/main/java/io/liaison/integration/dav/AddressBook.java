package io.liaison.integration.dav;

import io.liaison.contact.Contact;
import io.liaison.contact.ContactAddressBook;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.Tag;
import io.liaison.contact.TagGroup;
import io.liaison.identity.Actor;
import io.liaison.integration.VcardExportWriter;
import io.liaison.shared.LiaisonException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's phone address book over CardDAV: the cards it holds now ({@link ContactAddressBook},
 * at most {@value #CAP}), rendered by the export's vCard writer, and the sync state that lets
 * sync-collection tell a client what changed. Each look at the whole book compares the cards with
 * those last served (by ETag, a hash of the rendered card) and gives every change and every card
 * that left the book (edited, unshared, out of the tag filter, trashed) the book's next sequence
 * number; a sync token is a sequence number. Removed cards are remembered {@value #KEEP_DAYS} days.
 */
@Service
public class AddressBook {

    /** The most cards a book holds: phones slow down with more, and a book is a member's own circle. */
    public static final int CAP = 5000;

    static final int KEEP_DAYS = 30;
    public static final int MAX_TAGS = 20;
    private static final String TOKEN_PREFIX = "urn:liaison:sync:";

    private final ContactAddressBook contacts;
    private final ContactSetup setup;
    private final DavRepository books;
    private final ApplicationEventPublisher events;

    AddressBook(
            ContactAddressBook contacts, ContactSetup setup, DavRepository books, ApplicationEventPublisher events) {
        this.events = events;
        this.contacts = contacts;
        this.setup = setup;
        this.books = books;
    }

    /** A card: its contact's id, its ETag and the vCard text. */
    public record Card(UUID contactId, String etag, String vcard) {}

    /** The book now: its sync token, and the ETag of each card. */
    public record State(String syncToken, Map<UUID, String> etags, boolean full) {}

    /** The answer to a sync token: the cards changed since, those removed since, and the new token. */
    public record Changes(String syncToken, Map<UUID, String> changed, List<UUID> removed) {}

    /** The sync token was not handed out by this book, or is older than the removed cards remembered. */
    public static class InvalidSyncToken extends RuntimeException {
        InvalidSyncToken() {
            super("The sync token is not valid for this address book");
        }
    }

    /** Compares the book with the cards last served and records what changed. */
    @Transactional
    public State refresh(Actor actor) {
        DavRepository.Book book = books.lockBook(actor.orgId(), actor.memberId());
        List<Card> cards = render(actor, current(actor, null), "3.0");
        Map<UUID, DavRepository.Served> served = books.served(actor.orgId(), actor.memberId());
        Map<UUID, String> changed = new HashMap<>();
        Map<UUID, String> etags = new LinkedHashMap<>();
        for (Card card : cards) {
            etags.put(card.contactId(), card.etag());
            DavRepository.Served before = served.get(card.contactId());
            if (before == null || before.removed() || !before.etag().equals(card.etag())) {
                changed.put(card.contactId(), card.etag());
            }
        }
        List<UUID> removed = new ArrayList<>();
        served.forEach((id, before) -> {
            if (!before.removed() && !etags.containsKey(id)) {
                removed.add(id);
            }
        });
        long seq = book.seq();
        if (!changed.isEmpty() || !removed.isEmpty()) {
            seq++;
            books.changed(actor.orgId(), actor.memberId(), changed, seq);
            books.removed(actor.orgId(), actor.memberId(), removed, seq);
            books.advance(actor.orgId(), actor.memberId(), seq);
        }
        books.forgetTombstones(actor.orgId(), actor.memberId(), KEEP_DAYS);
        return new State(TOKEN_PREFIX + seq, etags, cards.size() >= CAP);
    }

    /** What changed since {@code syncToken} (empty: everything in the book), after a refresh. */
    @Transactional
    public Changes changesSince(Actor actor, String syncToken) {
        State state = refresh(actor);
        if (syncToken.isBlank()) {
            return new Changes(state.syncToken(), state.etags(), List.of());
        }
        long since = parse(syncToken);
        DavRepository.Book book = books.lockBook(actor.orgId(), actor.memberId());
        if (since < book.floorSeq() || since > book.seq()) {
            throw new InvalidSyncToken();
        }
        Map<UUID, String> changed = new LinkedHashMap<>();
        List<UUID> removed = new ArrayList<>();
        for (DavRepository.Change change : books.since(actor.orgId(), actor.memberId(), since)) {
            if (change.removed()) {
                removed.add(change.contactId());
            } else {
                changed.put(change.contactId(), change.etag());
            }
        }
        return new Changes(state.syncToken(), changed, removed);
    }

    /** The cards among {@code ids} that the book holds now, as vCards of {@code version}. */
    @Transactional(readOnly = true)
    public List<Card> cards(Actor actor, Collection<UUID> ids, String version) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Card> cards = render(actor, current(actor, ids), version);
        if (version.equals("3.0")) {
            return cards;
        }
        // the ETag stays that of the 3.0 card, the one the book's listings and sync report
        Map<UUID, String> etags = new HashMap<>();
        render(actor, current(actor, ids), "3.0").forEach(c -> etags.put(c.contactId(), c.etag()));
        return cards.stream()
                .map(c -> new Card(c.contactId(), etags.get(c.contactId()), c.vcard()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Card> card(Actor actor, UUID id, String version) {
        return cards(actor, List.of(id), version).stream().findFirst();
    }

    /** How many cards the member's book holds now (at most {@value #CAP}). */
    @Transactional(readOnly = true)
    public int size(Actor actor) {
        return current(actor, null).size();
    }

    /** The tags whose contacts every member's book also holds. */
    @Transactional(readOnly = true)
    public List<UUID> tagIds(UUID orgId) {
        return books.tagIds(orgId);
    }

    /**
     * Sets the tags whose contacts every member's book also holds (at most {@value #MAX_TAGS}):
     * administrators only, tags of the organization only.
     */
    @Transactional
    public void saveTagIds(Actor actor, List<UUID> tagIds) {
        if (!actor.isAdmin()) {
            throw LiaisonException.forbidden("forbidden.change-the-organization-s-settings");
        }
        List<UUID> distinct = tagIds.stream().distinct().toList();
        if (distinct.size() > MAX_TAGS) {
            throw LiaisonException.tooMany("tagIds", MAX_TAGS);
        }
        List<UUID> known = setup.tagGroups(actor).stream()
                .flatMap(g -> g.tags().stream())
                .map(Tag::id)
                .toList();
        if (!known.containsAll(distinct)) {
            throw LiaisonException.invalid("tagIds", "invalid.value");
        }
        List<UUID> before = books.tagIds(actor.orgId());
        if (!before.equals(distinct)) {
            books.saveTagIds(actor.orgId(), distinct);
            events.publishEvent(new AddressBookTagsChanged(actor.orgId(), actor.memberId(), before, distinct));
        }
    }

    private List<Contact> current(Actor actor, @Nullable Collection<UUID> ids) {
        return contacts.cards(actor, books.tagIds(actor.orgId()), ids, CAP);
    }

    private List<Card> render(Actor actor, List<Contact> found, String version) {
        Map<UUID, String> tagNames = new HashMap<>();
        for (TagGroup group : setup.tagGroups(actor)) {
            for (Tag tag : group.tags()) {
                tagNames.put(tag.id(), tag.name());
            }
        }
        return found.stream()
                .map(c -> {
                    String vcard = VcardExportWriter.card(c, version, tagNames);
                    return new Card(c.id(), etag(vcard), vcard);
                })
                .toList();
    }

    private static long parse(String syncToken) {
        if (!syncToken.startsWith(TOKEN_PREFIX)) {
            throw new InvalidSyncToken();
        }
        try {
            return Long.parseLong(syncToken.substring(TOKEN_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new InvalidSyncToken();
        }
    }

    private static String etag(String vcard) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(vcard.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
