package io.liaison.integration.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The lines of an NDJSON body, read as they arrive: a line holds at most {@code maxLineBytes} (a
 * longer one is skipped to its end and said to be too long), the body at most {@code maxBodyBytes}.
 */
final class NdjsonLines {

    /**
     * A line by its number (from 1), or, when it cannot be read (too long, not UTF-8), the code of
     * the message saying why.
     */
    record Line(int number, @Nullable String text, @Nullable String unreadable) {}

    /** The body went past its limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("The body is larger than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final long maxBodyBytes;
    private final byte[] buffer = new byte[1 << 16];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int position;
    private int end;
    private long read;
    private int number;

    NdjsonLines(InputStream in, int maxLineBytes, long maxBodyBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The next line, or null at the end of the body; a last line without a newline counts. */
    @Nullable
    Line next() throws IOException {
        line.reset();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == end && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (!tooLong && line.size() + length > maxLineBytes) {
                tooLong = true;
                line.reset();
            }
            if (!tooLong) {
                line.write(buffer, start, length);
            }
            if (position < end) {
                position++;
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "sync.line.too-long");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(line.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Line(number, null, "sync.line.not-utf8");
        }
        return new Line(number, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, null);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        read += n;
        if (read > maxBodyBytes) {
            throw new BodyTooLarge(maxBodyBytes);
        }
        position = 0;
        end = n;
        return true;
    }
}
