package io.liaison.integration.dav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The body of a PROPFIND or REPORT: which report (or propfind), the properties asked for, the hrefs
 * of a multiget, the filter of a query, the token of a sync, and the vCard version of address-data.
 * Parsed without DTDs or external entities; an empty body is a PROPFIND for all properties.
 */
public record DavRequest(
        String kind,
        boolean allProperties,
        List<QName> properties,
        List<String> hrefs,
        @Nullable CardFilter filter,
        @Nullable String syncToken,
        @Nullable String addressDataVersion) {

    public static final String DAV = "DAV:";
    public static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    public static final String CALENDARSERVER = "http://calendarserver.org/ns/";

    /** The most hrefs a multiget may name. */
    public static final int MAX_HREFS = 1000;

    /** The body is not well-formed XML, or not a request this server knows. */
    public static class Unreadable extends RuntimeException {
        Unreadable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    public static DavRequest parse(byte[] body, String method) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            if (method.equals("PROPFIND")) {
                return new DavRequest("propfind", true, List.of(), List.of(), null, null, null);
            }
            throw new Unreadable("A REPORT needs a body", null);
        }
        Element root = document(body).getDocumentElement();
        String kind = root.getLocalName();
        Element prop = child(root, DAV, "prop");
        boolean all = child(root, DAV, "allprop") != null || child(root, DAV, "propname") != null;
        List<QName> properties = new ArrayList<>();
        String version = null;
        if (prop != null) {
            for (Element e : children(prop)) {
                properties.add(new QName(e.getNamespaceURI(), e.getLocalName()));
                if (CARDDAV.equals(e.getNamespaceURI()) && e.getLocalName().equals("address-data")) {
                    version = addressDataVersion(e);
                }
            }
        }
        List<String> hrefs = new ArrayList<>();
        for (Element e : children(root)) {
            if (DAV.equals(e.getNamespaceURI()) && e.getLocalName().equals("href")) {
                if (hrefs.size() == MAX_HREFS) {
                    throw new Unreadable("At most " + MAX_HREFS + " hrefs", null);
                }
                hrefs.add(e.getTextContent().strip());
            }
        }
        Element filter = child(root, CARDDAV, "filter");
        Element token = child(root, DAV, "sync-token");
        return new DavRequest(
                kind,
                all || (prop == null && kind.equals("propfind")),
                properties,
                hrefs,
                filter == null ? null : CardFilter.of(filter),
                token == null ? null : token.getTextContent().strip(),
                version);
    }

    /** {@code 4.0} when address-data asks for {@code text/vcard} version 4.0, else null. */
    private static @Nullable String addressDataVersion(Element addressData) {
        String version = addressData.getAttribute("version");
        return version.equals("4.0") ? "4.0" : version.equals("3.0") ? "3.0" : null;
    }

    public boolean asks(String namespace, String name) {
        return allProperties || properties.contains(new QName(namespace, name));
    }

    private static Document document(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // a malformed body is the client's 400, not a line on the server's standard error
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new Unreadable("The body is not well-formed XML", e);
        }
    }

    static @Nullable Element child(Element parent, String namespace, String name) {
        for (Element e : children(parent)) {
            if (namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}
