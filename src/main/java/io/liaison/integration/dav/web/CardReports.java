package io.liaison.integration.dav.web;

import io.liaison.identity.Actor;
import io.liaison.integration.dav.AddressBook;
import io.liaison.integration.dav.CardFilter;
import io.liaison.integration.dav.DavRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.namespace.QName;

/**
 * The REPORTs on a member's address book: addressbook-multiget (the cards of the hrefs given),
 * addressbook-query (the cards passing a filter) and sync-collection (what changed since a sync
 * token: changed cards with their ETag, removed ones as 404).
 */
final class CardReports {

    private static final QName ETAG = new QName(DavRequest.DAV, "getetag");
    private static final QName ADDRESS_DATA = new QName(DavRequest.CARDDAV, "address-data");

    private final AddressBook book;
    private final Actor actor;

    CardReports(AddressBook book, Actor actor) {
        this.book = book;
        this.actor = actor;
    }

    void report(DavPath target, DavRequest request, HttpServletResponse response) throws IOException {
        if (target.kind() != DavPath.Kind.BOOK) {
            DavErrors.forbidden(response, "<d:supported-report/>");
            return;
        }
        String version = request.addressDataVersion() == null ? "3.0" : request.addressDataVersion();
        switch (request.kind()) {
            case "addressbook-multiget" -> multiget(request, version, response);
            case "addressbook-query" -> query(request, version, response);
            case "sync-collection" -> sync(request, version, response);
            default -> DavErrors.forbidden(response, "<d:supported-report/>");
        }
    }

    private void multiget(DavRequest request, String version, HttpServletResponse response) throws IOException {
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String href : request.hrefs()) {
            UUID id = DavPath.contactId(path(href), actor.memberId());
            if (id == null) {
                unknown.add(href);
            } else {
                ids.put(href, id);
            }
        }
        Map<UUID, AddressBook.Card> cards = new LinkedHashMap<>();
        book.cards(actor, ids.values(), version).forEach(c -> cards.put(c.contactId(), c));
        Multistatus answer = new Multistatus();
        ids.forEach((href, id) -> {
            AddressBook.Card card = cards.get(id);
            if (card == null) {
                answer.status(href, 404, "Not Found");
            } else {
                answer.response(href, request, values(card, request));
            }
        });
        unknown.forEach(href -> answer.status(href, 404, "Not Found"));
        DavErrors.multistatus(response, answer.body(null));
    }

    private void query(DavRequest request, String version, HttpServletResponse response) throws IOException {
        AddressBook.State state = book.refresh(actor);
        CardFilter filter = request.filter();
        Multistatus answer = new Multistatus();
        for (AddressBook.Card card : book.cards(actor, state.etags().keySet(), version)) {
            if (filter == null || filter.matches(card.vcard())) {
                answer.response(DavPath.card(actor.memberId(), card.contactId()), request, values(card, request));
            }
        }
        DavErrors.multistatus(response, answer.body(null));
    }

    private void sync(DavRequest request, String version, HttpServletResponse response) throws IOException {
        AddressBook.Changes changes;
        try {
            changes = book.changesSince(actor, request.syncToken() == null ? "" : request.syncToken());
        } catch (AddressBook.InvalidSyncToken e) {
            DavErrors.forbidden(response, "<d:valid-sync-token/>");
            return;
        }
        Multistatus answer = new Multistatus();
        boolean data = request.properties().contains(ADDRESS_DATA);
        Map<UUID, AddressBook.Card> cards = new LinkedHashMap<>();
        if (data) {
            book.cards(actor, changes.changed().keySet(), version).forEach(c -> cards.put(c.contactId(), c));
        }
        changes.changed().forEach((id, etag) -> {
            AddressBook.Card card = cards.getOrDefault(id, new AddressBook.Card(id, etag, ""));
            answer.response(DavPath.card(actor.memberId(), id), request, values(card, request));
        });
        changes.removed().forEach(id -> answer.status(DavPath.card(actor.memberId(), id), 404, "Not Found"));
        DavErrors.multistatus(response, answer.body(changes.syncToken()));
    }

    private static Map<QName, String> values(AddressBook.Card card, DavRequest request) {
        Map<QName, String> values = new LinkedHashMap<>();
        values.put(ETAG, Multistatus.escape(card.etag()));
        values.put(new QName(DavRequest.DAV, "getcontenttype"), "text/vcard; charset=utf-8");
        if (request.properties().contains(ADDRESS_DATA) && !card.vcard().isEmpty()) {
            values.put(ADDRESS_DATA, Multistatus.escape(card.vcard()));
        }
        return values;
    }

    /** The path of an href, which a client may send absolute or percent-encoded. */
    private static String path(String href) {
        try {
            String raw = URI.create(href.strip()).getRawPath();
            return raw == null ? href : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return href;
        }
    }
}
