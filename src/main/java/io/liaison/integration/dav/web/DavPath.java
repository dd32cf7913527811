package io.liaison.integration.dav.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A path under {@code /dav/} and the resource it names: the root, the member's principal, their
 * address book home, their one book ({@code contacts}) or a card in it ({@code {contactId}.vcf}).
 * Paths of another member are nobody's: a member reaches only their own.
 */
record DavPath(Kind kind, String path, @Nullable UUID contactId) {

    enum Kind {
        ROOT,
        PRINCIPAL,
        HOME,
        BOOK,
        CARD
    }

    static String principal(UUID memberId) {
        return "/dav/principals/" + memberId + "/";
    }

    static String home(UUID memberId) {
        return "/dav/addressbooks/" + memberId + "/";
    }

    static String book(UUID memberId) {
        return home(memberId) + "contacts/";
    }

    static String card(UUID memberId, UUID contactId) {
        return book(memberId) + contactId + ".vcf";
    }

    /** The resource of {@code path}, or null when it names none of the member's. */
    static @Nullable DavPath of(String path, UUID memberId) {
        String p = path.endsWith("/") ? path : path + "/";
        if (p.equals("/dav/")) {
            return new DavPath(Kind.ROOT, CardDavController.ROOT, null);
        }
        if (p.equals(principal(memberId))) {
            return new DavPath(Kind.PRINCIPAL, principal(memberId), null);
        }
        if (p.equals(home(memberId))) {
            return new DavPath(Kind.HOME, home(memberId), null);
        }
        if (p.equals(book(memberId))) {
            return new DavPath(Kind.BOOK, book(memberId), null);
        }
        UUID contactId = contactId(path, memberId);
        return contactId == null ? null : new DavPath(Kind.CARD, card(memberId, contactId), contactId);
    }

    /** The contact id of a card path (or href) of the member's book, else null. */
    static @Nullable UUID contactId(String path, UUID memberId) {
        String prefix = book(memberId);
        if (!path.startsWith(prefix) || !path.endsWith(".vcf")) {
            return null;
        }
        String id = path.substring(prefix.length(), path.length() - 4);
        if (id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
