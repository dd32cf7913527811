package io.liaison.integration.dav;

import static io.liaison.identity.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import io.liaison.identity.Api;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** CardDAV requests for the tests: app passwords, PROPFIND and REPORT bodies, and the hrefs of a 207. */
final class Dav {

    static final String PROPFIND_BOOK = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav" xmlns:cs="http://calendarserver.org/ns/">
              <d:prop><d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/><d:getetag/>
                <card:supported-address-data/><d:supported-report-set/><d:current-user-principal/>
                <card:addressbook-home-set/></d:prop>
            </d:propfind>""";

    private Dav() {}

    static String appPassword(MockMvc mvc, String apiToken) throws Exception {
        String body = mvc.perform(json(post("/api/v1/tokens"), apiToken, "{\"name\":\"iPhone\",\"scope\":\"carddav\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    static MockHttpServletRequestBuilder dav(String method, String path, String user, String password, String body) {
        return request(HttpMethod.valueOf(method), path)
                .header(HttpHeaders.AUTHORIZATION, Api.basic(user, password))
                .contentType("application/xml; charset=utf-8")
                .content(body);
    }

    static String multiget(List<String> hrefs, String addressData) {
        StringBuilder xml = new StringBuilder("""
                <card:addressbook-multiget xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">
                  <d:prop><d:getetag/>""" + addressData + "</d:prop>");
        hrefs.forEach(h -> xml.append("<d:href>").append(h).append("</d:href>"));
        return xml.append("</card:addressbook-multiget>").toString();
    }

    static String sync(String token) {
        return """
                <d:sync-collection xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">
                  <d:sync-token>%s</d:sync-token><d:sync-level>1</d:sync-level>
                  <d:prop><d:getetag/></d:prop>
                </d:sync-collection>""".formatted(token);
    }

    static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hrefs of the responses of a multistatus whose status (or first propstat) is {@code status}. */
    static List<String> hrefs(Document doc, String status) {
        List<String> hrefs = new ArrayList<>();
        NodeList responses = doc.getElementsByTagNameNS("DAV:", "response");
        for (int i = 0; i < responses.getLength(); i++) {
            Element response = (Element) responses.item(i);
            String href =
                    response.getElementsByTagNameNS("DAV:", "href").item(0).getTextContent();
            String first =
                    response.getElementsByTagNameNS("DAV:", "status").item(0).getTextContent();
            if (first.contains(status)) {
                hrefs.add(href);
            }
        }
        return hrefs;
    }

    /** The text of the first element {@code name} (in {@code namespace}) anywhere in the document. */
    static String text(Document doc, String namespace, String name) {
        NodeList found = doc.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
