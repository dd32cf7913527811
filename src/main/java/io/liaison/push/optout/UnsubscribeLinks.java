package io.liaison.push.optout;

import io.liaison.channel.TokenSeal;
import io.liaison.shared.LiaisonProperties;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe link of a contact: {@code <base URL>/unsubscribe/<token>}, the token sealing the
 * organization's and the contact's ids with the server's key ({@link TokenSeal}), so that it names
 * the contact without revealing its id and cannot be altered into another contact's. Nothing is
 * stored per link: it keeps working for as long as the key, in e-mails read years later.
 */
@Component
public class UnsubscribeLinks {

    static final String PATH = "/unsubscribe/";
    /** Longer than any token this class seals (87 characters); a longer one is refused unread. */
    static final int MAX_TOKEN = 200;

    /** What the sealed bytes begin with: this use of the key, and the layout's version. */
    private static final byte[] PURPOSE = {'u', 1};

    private static final int LENGTH = PURPOSE.length + 32;

    private final TokenSeal seal;
    private final String baseUrl;

    UnsubscribeLinks(TokenSeal seal, LiaisonProperties properties) {
        this.seal = seal;
        this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
    }

    /** An absolute link to the page on which this contact unsubscribes from the organization's pushes. */
    public String link(UUID orgId, UUID contactId) {
        ByteBuffer data = ByteBuffer.allocate(LENGTH)
                .put(PURPOSE)
                .putLong(orgId.getMostSignificantBits())
                .putLong(orgId.getLeastSignificantBits())
                .putLong(contactId.getMostSignificantBits())
                .putLong(contactId.getLeastSignificantBits());
        return baseUrl + PATH + seal.seal(data.array());
    }

    /** The contact a token names; empty when it is not one of these links' tokens, or altered. */
    Optional<Subscriber> read(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        return seal.open(token)
                .filter(data -> data.length == LENGTH && data[0] == PURPOSE[0] && data[1] == PURPOSE[1])
                .map(data -> {
                    ByteBuffer ids = ByteBuffer.wrap(data, PURPOSE.length, 32);
                    UUID orgId = new UUID(ids.getLong(), ids.getLong());
                    return new Subscriber(orgId, new UUID(ids.getLong(), ids.getLong()));
                });
    }

    /** The organization and the contact of a link. */
    record Subscriber(UUID orgId, UUID contactId) {}
}
