package io.liaison.integration.webhook;

import io.liaison.integration.change.ChangeTypes;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.WebAddresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an endpoint's fields may hold; each refusal names the field in the caller's language. */
public final class WebhookRules {

    public static final int MAX_URL = 2_000;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_EVENT_TYPES = 100;
    private static final int MAX_CHANNEL_NAME = 100;

    private WebhookRules() {}

    /** An http or https URL with a host, of at most {@link #MAX_URL} characters. */
    static String url(@Nullable String url) {
        String clean = url == null ? "" : url.trim();
        if (clean.isEmpty()) {
            throw LiaisonException.invalid("url", "invalid.required");
        }
        if (WebAddresses.isHttp(clean, MAX_URL)) {
            return clean;
        }
        throw LiaisonException.invalid("url", "invalid.webhook-url", MAX_URL);
    }

    static String description(@Nullable String description) {
        String clean = description == null ? "" : description.strip();
        if (clean.length() > MAX_DESCRIPTION) {
            throw LiaisonException.invalid("description", "invalid.max-length", MAX_DESCRIPTION);
        }
        return clean;
    }

    /** One or more of the feed's change types, each once, in the order given. */
    static List<String> eventTypes(@Nullable List<String> types) {
        if (types == null || types.isEmpty()) {
            throw LiaisonException.invalid("eventTypes", "invalid.required");
        }
        if (types.size() > MAX_EVENT_TYPES) {
            throw LiaisonException.tooMany("eventTypes", MAX_EVENT_TYPES);
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String type : types) {
            if (type == null || !ChangeTypes.ALL.contains(type)) {
                throw LiaisonException.invalid("eventTypes", "invalid.one-of", String.join(", ", ChangeTypes.ALL));
            }
            distinct.add(type);
        }
        return new ArrayList<>(distinct);
    }

    /** The hidden channel's name: the endpoint's host, which the delivery log and the audit show. */
    static String channelName(String url) {
        String host = URI.create(url).getHost();
        String name = "webhook " + (host == null ? url : host);
        return name.length() <= MAX_CHANNEL_NAME ? name : name.substring(0, MAX_CHANNEL_NAME);
    }
}
