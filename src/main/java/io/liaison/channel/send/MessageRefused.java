package io.liaison.channel.send;

/**
 * A message a platform cannot take at all, with the message key of the reason (in both bundles),
 * stored on the delivery row that ends {@code failed}.
 */
public class MessageRefused extends RuntimeException {

    private final String reasonKey;

    public MessageRefused(String reasonKey, String detail) {
        super(detail);
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }
}
