package io.liaison.integration.change;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A place in the feed: the transaction id and sequence number of the last change read. Handed out as
 * base64url text so that readers treat it as opaque.
 */
record ChangeCursor(long tx, long seq) {

    /** Before every change. */
    static final ChangeCursor START = new ChangeCursor(0, 0);

    /** The longest cursor {@link #parse} reads: two 19-digit numbers and a colon, encoded. */
    static final int MAX_LENGTH = 64;

    ChangeCursor {
        if (tx < 0 || seq < 0) {
            throw new IllegalArgumentException("A cursor holds no negative numbers");
        }
    }

    String text() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((tx + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a reader was given; anything else is an {@link IllegalArgumentException}. */
    static ChangeCursor parse(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Not a cursor of the change feed");
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a cursor of the change feed", e);
        }
        int colon = plain.indexOf(':');
        if (colon < 1 || colon == plain.length() - 1) {
            throw new IllegalArgumentException("Not a cursor of the change feed");
        }
        try {
            return new ChangeCursor(
                    Long.parseLong(plain.substring(0, colon), 10), Long.parseLong(plain.substring(colon + 1), 10));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a cursor of the change feed", e);
        }
    }
}
