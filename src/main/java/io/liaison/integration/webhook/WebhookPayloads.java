package io.liaison.integration.webhook;

import io.liaison.contact.ContactDocuments;
import io.liaison.integration.change.Change;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies of an endpoint's requests, {@code {type, timestamp, data}}: for a change of a contact
 * that still exists, {@code data} is the contact as the API answers an administrator (masked unless
 * the endpoint has full details); for a purged contact and for other records, the ids and names the
 * change recorded. Rendered when the delivery is queued and kept in its row, so that a retry or a
 * redelivery sends the same bytes and the same signature input.
 */
@Component
class WebhookPayloads {

    static final String CONTACT = "contact";
    static final String PURGED = "contact.purged";

    private final ContactDocuments contacts;
    private final JsonMapper json;

    WebhookPayloads(ContactDocuments contacts, JsonMapper json) {
        this.contacts = contacts;
        this.json = json;
    }

    /** One body per change, in the order of {@code changes}. */
    List<String> render(UUID orgId, WebhookEndpoint endpoint, List<Change> changes) {
        List<UUID> contactIds = changes.stream()
                .filter(WebhookPayloads::carriesContact)
                .map(Change::resourceId)
                .distinct()
                .toList();
        Map<UUID, Map<String, @Nullable Object>> documents = contacts.render(orgId, contactIds, endpoint.fullDetails());
        return changes.stream()
                .map(change -> body(change, carriesContact(change) ? documents.get(change.resourceId()) : null))
                .toList();
    }

    /**
     * The webhook-id of one change at one endpoint: the same however often the change is queued
     * again (a round repeated after a crash) or redelivered, so that the receiver can drop repeats.
     */
    static String messageId(UUID endpointId, Change change) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((endpointId + ":" + change.cursor()).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Changes of one contact go out one at a time, in the feed's order; other records by their own id. */
    static String orderKey(UUID endpointId, Change change) {
        UUID subject = change.contactId() != null ? change.contactId() : change.resourceId();
        return endpointId + ":" + subject;
    }

    private static boolean carriesContact(Change change) {
        return CONTACT.equals(change.resourceType()) && !PURGED.equals(change.type());
    }

    private String body(Change change, @Nullable Map<String, @Nullable Object> document) {
        Map<String, @Nullable Object> data;
        if (document != null) {
            data = document;
        } else {
            data = new LinkedHashMap<>();
            data.put("id", change.resourceId());
            if (change.contactId() != null && !change.contactId().equals(change.resourceId())) {
                data.put("contactId", change.contactId());
            }
            change.data().forEach(data::putIfAbsent);
        }
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("type", change.type());
        body.put("timestamp", change.occurredAt().toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
