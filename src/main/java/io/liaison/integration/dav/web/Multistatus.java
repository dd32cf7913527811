package io.liaison.integration.dav.web;

import io.liaison.integration.dav.DavRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/**
 * A 207 Multi-Status body: one response per resource, its properties found (200) and not found
 * (404) in a propstat each, or a status alone (a card removed since a sync token, a multiget href
 * that is no card of the book).
 */
final class Multistatus {

    private final StringBuilder xml = new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<d:multistatus xmlns:d=\"DAV:\" xmlns:card=\""
                    + DavRequest.CARDDAV + "\" xmlns:cs=\"" + DavRequest.CALENDARSERVER + "\">\n");

    /**
     * The properties of one resource: {@code values} maps each property this resource has to its
     * XML content; those asked for that it lacks are listed as not found.
     */
    Multistatus response(String href, DavRequest request, Map<QName, String> values) {
        Map<QName, String> found = new LinkedHashMap<>();
        List<QName> missing = new ArrayList<>();
        if (request.allProperties()) {
            found.putAll(values);
        } else {
            for (QName name : request.properties()) {
                if (values.containsKey(name)) {
                    found.put(name, values.get(name));
                } else {
                    missing.add(name);
                }
            }
        }
        xml.append("<d:response><d:href>").append(escape(href)).append("</d:href>\n");
        if (!found.isEmpty()) {
            xml.append("<d:propstat><d:prop>");
            found.forEach((name, content) -> element(name, content));
            xml.append("</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>\n");
        }
        if (!missing.isEmpty()) {
            xml.append("<d:propstat><d:prop>");
            missing.forEach(name -> element(name, ""));
            xml.append("</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>\n");
        }
        xml.append("</d:response>\n");
        return this;
    }

    Multistatus status(String href, int status, String reason) {
        xml.append("<d:response><d:href>")
                .append(escape(href))
                .append("</d:href><d:status>HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason)
                .append("</d:status></d:response>\n");
        return this;
    }

    String body(@Nullable String syncToken) {
        if (syncToken != null) {
            xml.append("<d:sync-token>").append(escape(syncToken)).append("</d:sync-token>\n");
        }
        return xml.append("</d:multistatus>\n").toString();
    }

    private void element(QName name, String content) {
        String tag = prefix(name.getNamespaceURI()) + name.getLocalPart();
        String open = prefix(name.getNamespaceURI()).isEmpty()
                ? "<" + tag + " xmlns=\"" + escape(name.getNamespaceURI()) + "\""
                : "<" + tag;
        xml.append(open);
        if (content.isEmpty()) {
            xml.append("/>");
        } else {
            xml.append('>').append(content).append("</").append(tag).append('>');
        }
    }

    private static String prefix(String namespace) {
        return switch (namespace) {
            case DavRequest.DAV -> "d:";
            case DavRequest.CARDDAV -> "card:";
            case DavRequest.CALENDARSERVER -> "cs:";
            default -> "";
        };
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String href(String path) {
        return "<d:href>" + escape(path) + "</d:href>";
    }
}
