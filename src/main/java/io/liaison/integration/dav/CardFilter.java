package io.liaison.integration.dav;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The filter of an addressbook-query (RFC 6352 10.5): prop-filters on vCard properties such as FN,
 * EMAIL and TEL, each with text-matches (equals, contains, starts-with, ends-with; case-insensitive
 * unless the collation is i;octet, negatable) or is-not-defined, combined by anyof (the default) or
 * allof. A filter without prop-filters matches every card.
 */
public record CardFilter(boolean allOf, List<PropFilter> props) {

    public record PropFilter(String name, boolean allOf, boolean notDefined, List<TextMatch> matches) {}

    public record TextMatch(String text, String type, boolean octet, boolean negate) {}

    static CardFilter of(Element filter) {
        List<PropFilter> props = new ArrayList<>();
        for (Element p : DavRequest.children(filter)) {
            if (!p.getLocalName().equals("prop-filter")) {
                continue;
            }
            List<TextMatch> matches = new ArrayList<>();
            for (Element m : DavRequest.children(p)) {
                if (m.getLocalName().equals("text-match")) {
                    String type = m.getAttribute("match-type");
                    matches.add(new TextMatch(
                            m.getTextContent(),
                            type.isEmpty() ? "contains" : type,
                            m.getAttribute("collation").equals("i;octet"),
                            m.getAttribute("negate-condition").equals("yes")));
                }
            }
            props.add(new PropFilter(
                    p.getAttribute("name").toUpperCase(Locale.ROOT),
                    p.getAttribute("test").equals("allof"),
                    DavRequest.child(p, DavRequest.CARDDAV, "is-not-defined") != null,
                    matches));
        }
        return new CardFilter(filter.getAttribute("test").equals("allof"), props);
    }

    /** Whether the vCard (its text) passes the filter. */
    public boolean matches(String vcard) {
        if (props.isEmpty()) {
            return true;
        }
        Map<String, List<String>> values = values(vcard);
        return allOf
                ? props.stream().allMatch(p -> matches(p, values))
                : props.stream().anyMatch(p -> matches(p, values));
    }

    private static boolean matches(PropFilter filter, Map<String, List<String>> values) {
        List<String> found = values.getOrDefault(filter.name(), List.of());
        if (filter.notDefined()) {
            return found.isEmpty();
        }
        if (filter.matches().isEmpty()) {
            return !found.isEmpty();
        }
        return filter.allOf()
                ? filter.matches().stream().allMatch(m -> found.stream().anyMatch(v -> matches(m, v)))
                : filter.matches().stream().anyMatch(m -> found.stream().anyMatch(v -> matches(m, v)));
    }

    private static boolean matches(TextMatch match, String value) {
        String text = match.octet() ? match.text() : match.text().toLowerCase(Locale.ROOT);
        String v = match.octet() ? value : value.toLowerCase(Locale.ROOT);
        boolean hit = switch (match.type()) {
            case "equals" -> v.equals(text);
            case "starts-with" -> v.startsWith(text);
            case "ends-with" -> v.endsWith(text);
            default -> v.contains(text);
        };
        return hit != match.negate();
    }

    /** The values of each property of a vCard, by upper-case name, with folded lines joined. */
    private static Map<String, List<String>> values(String vcard) {
        Map<String, List<String>> values = new HashMap<>();
        String unfolded = vcard.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "");
        for (String line : unfolded.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 1) {
                continue;
            }
            String name = line.substring(0, colon);
            int semicolon = name.indexOf(';');
            name = (semicolon < 0 ? name : name.substring(0, semicolon)).toUpperCase(Locale.ROOT);
            int dot = name.indexOf('.');
            if (dot >= 0) {
                name = name.substring(dot + 1);
            }
            String value = line.substring(colon + 1)
                    .replace("\\,", ",")
                    .replace("\\;", ";")
                    .replace("\\n", "\n");
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }
}
