package io.liaison.integration.dav.web;

import io.liaison.identity.Actor;
import io.liaison.integration.dav.AddressBook;
import io.liaison.integration.dav.DavRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The phone address book over CardDAV (RFC 6352, sync-collection of RFC 6578), read-only: the
 * member's principal, their address book home and its one book, and the cards in it. Spring MVC
 * maps one handler for every method and this class switches on it, as PROPFIND and REPORT have no
 * mapping annotation of their own. Writes (PUT, DELETE, PROPPATCH, MKCOL, ...) answer 403 with the
 * need-privileges precondition.
 */
@Controller
class CardDavController {

    static final String ROOT = "/dav/";
    private static final int MAX_BODY = 1 << 20;
    private static final String ALLOW = "OPTIONS, GET, HEAD, PROPFIND, REPORT";

    private final AddressBook book;

    CardDavController(AddressBook book) {
        this.book = book;
    }

    /** Service discovery (RFC 6764): the context path of CardDAV. */
    @RequestMapping({"/.well-known/carddav", "/.well-known/carddav/"})
    void wellKnown(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader(HttpHeaders.LOCATION, ROOT);
    }

    @RequestMapping(
            value = {"/dav", "/dav/", "/dav/**"},
            method = RequestMethod.OPTIONS)
    void options(HttpServletResponse response) {
        response.setHeader("DAV", "1, 3, addressbook");
        response.setHeader(HttpHeaders.ALLOW, ALLOW);
        response.setStatus(HttpServletResponse.SC_OK);
    }

    @RequestMapping({"/dav", "/dav/", "/dav/**"})
    void dav(Actor actor, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        DavPath target = DavPath.of(path, actor.memberId());
        response.setHeader("DAV", "1, 3, addressbook");
        switch (request.getMethod()) {
            case "PROPFIND" -> {
                if (target == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                DavRequest body = read(request, response);
                if (body != null) {
                    propfind(actor, target, body, request.getHeader("Depth"), response);
                }
            }
            case "REPORT" -> {
                if (target == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                DavRequest body = read(request, response);
                if (body != null) {
                    new CardReports(book, actor).report(target, body, response);
                }
            }
            case "GET", "HEAD" -> get(actor, target, request, response);
            default -> {
                response.setHeader(HttpHeaders.ALLOW, ALLOW);
                DavErrors.forbidden(
                        response,
                        "<d:need-privileges><d:resource>" + Multistatus.href(path)
                                + "<d:privilege><d:write/></d:privilege></d:resource></d:need-privileges>");
            }
        }
    }

    private void propfind(
            Actor actor, DavPath target, DavRequest body, @Nullable String depth, HttpServletResponse response)
            throws IOException {
        boolean children = depth == null || !depth.strip().equals("0");
        Properties properties = new Properties(actor);
        Multistatus answer = new Multistatus();
        switch (target.kind()) {
            case ROOT -> answer.response(ROOT, body, properties.root());
            case PRINCIPAL -> answer.response(target.path(), body, properties.principal());
            case HOME -> {
                answer.response(target.path(), body, properties.home());
                if (children) {
                    answer.response(DavPath.book(actor.memberId()), body, properties.book(book.refresh(actor)));
                }
            }
            case BOOK -> {
                AddressBook.State state = book.refresh(actor);
                answer.response(target.path(), body, properties.book(state));
                if (children) {
                    state.etags()
                            .forEach((id, etag) ->
                                    answer.response(DavPath.card(actor.memberId(), id), body, properties.card(etag)));
                }
            }
            case CARD -> {
                Optional<AddressBook.Card> card = book.card(actor, target.contactId(), "3.0");
                if (card.isEmpty()) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                answer.response(target.path(), body, properties.card(card.get().etag()));
            }
        }
        DavErrors.multistatus(response, answer.body(null));
    }

    private void get(Actor actor, @Nullable DavPath target, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (target == null || target.kind() != DavPath.Kind.CARD) {
            response.setHeader(HttpHeaders.ALLOW, ALLOW);
            response.sendError(
                    target == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String version = accept != null && accept.replace(" ", "").contains("version=4.0") ? "4.0" : "3.0";
        Optional<AddressBook.Card> card = book.card(actor, target.contactId(), version);
        if (card.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader(HttpHeaders.ETAG, card.get().etag());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null
                && (ifNoneMatch.strip().equals("*")
                        || List.of(ifNoneMatch.split(",")).stream()
                                .map(String::strip)
                                .anyMatch(card.get().etag()::equals))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] bytes = card.get().vcard().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/vcard; charset=utf-8" + (version.equals("4.0") ? "; version=4.0" : ""));
        response.setContentLength(bytes.length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(bytes);
        }
    }

    /** The body, at most 1 MiB of XML; null when the answer (413 or 400) is already written. */
    private static @Nullable DavRequest read(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return null;
        }
        try {
            return DavRequest.parse(body, request.getMethod());
        } catch (DavRequest.Unreadable e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return null;
        }
    }

    /** The properties of each kind of resource, by name, as XML content. */
    private record Properties(Actor actor) {

        private static final QName RESOURCE_TYPE = new QName(DavRequest.DAV, "resourcetype");

        Map<QName, String> common() {
            Map<QName, String> values = new LinkedHashMap<>();
            values.put(dav("current-user-principal"), Multistatus.href(DavPath.principal(actor.memberId())));
            values.put(dav("owner"), Multistatus.href(DavPath.principal(actor.memberId())));
            return values;
        }

        Map<QName, String> root() {
            Map<QName, String> values = common();
            values.put(RESOURCE_TYPE, "<d:collection/>");
            values.put(dav("displayname"), "Liaison");
            return values;
        }

        Map<QName, String> principal() {
            Map<QName, String> values = common();
            values.put(RESOURCE_TYPE, "<d:collection/><d:principal/>");
            values.put(dav("displayname"), Multistatus.escape(actor.displayName()));
            values.put(dav("principal-URL"), Multistatus.href(DavPath.principal(actor.memberId())));
            values.put(carddav("addressbook-home-set"), Multistatus.href(DavPath.home(actor.memberId())));
            return values;
        }

        Map<QName, String> home() {
            Map<QName, String> values = common();
            values.put(RESOURCE_TYPE, "<d:collection/>");
            values.put(dav("displayname"), Multistatus.escape(actor.displayName()));
            return values;
        }

        Map<QName, String> book(AddressBook.State state) {
            Map<QName, String> values = common();
            values.put(RESOURCE_TYPE, "<d:collection/><card:addressbook/>");
            values.put(dav("displayname"), "Liaison");
            values.put(carddav("addressbook-description"), Multistatus.escape(actor.orgName()));
            values.put(new QName(DavRequest.CALENDARSERVER, "getctag"), Multistatus.escape(state.syncToken()));
            values.put(dav("sync-token"), Multistatus.escape(state.syncToken()));
            values.put(
                    carddav("supported-address-data"),
                    "<card:address-data-type content-type=\"text/vcard\" version=\"3.0\"/>"
                            + "<card:address-data-type content-type=\"text/vcard\" version=\"4.0\"/>");
            List<String> reports = new ArrayList<>();
            for (String report : List.of("card:addressbook-multiget", "card:addressbook-query", "d:sync-collection")) {
                reports.add("<d:supported-report><d:report><" + report + "/></d:report></d:supported-report>");
            }
            values.put(dav("supported-report-set"), String.join("", reports));
            values.put(
                    dav("current-user-privilege-set"),
                    "<d:privilege><d:read/></d:privilege><d:privilege><d:read-current-user-privilege-set/></d:privilege>");
            return values;
        }

        Map<QName, String> card(String etag) {
            Map<QName, String> values = new LinkedHashMap<>();
            values.put(RESOURCE_TYPE, "");
            values.put(dav("getetag"), Multistatus.escape(etag));
            values.put(dav("getcontenttype"), "text/vcard; charset=utf-8");
            return values;
        }

        private static QName dav(String name) {
            return new QName(DavRequest.DAV, name);
        }

        private static QName carddav(String name) {
            return new QName(DavRequest.CARDDAV, name);
        }
    }
}
