package io.liaison.channel;

import java.util.Arrays;

/**
 * A file sent with an e-mail, such as an invitation's {@code invite.ics}: its file name, its MIME
 * type with any parameters ({@code text/calendar; method=REQUEST; charset=UTF-8}) and its bytes.
 * Channels other than e-mail leave attachments out. A delivery holds at most {@link #MAX_COUNT} of
 * at most {@link #MAX_BYTES} each; a message over that ends {@code failed} with the reason.
 */
public record Attachment(String name, String contentType, byte[] content) {

    public static final int MAX_COUNT = 5;
    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_NAME = 200;

    public Attachment {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment a
                && a.name.equals(name)
                && a.contentType.equals(contentType)
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + contentType.hashCode()) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + contentType + ", " + content.length + " bytes]";
    }
}
