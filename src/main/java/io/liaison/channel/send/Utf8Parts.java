package io.liaison.channel.send;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into parts of at most a number of UTF-8 bytes, between characters (a code point, so
 * never inside a surrogate pair), after the last line break of a part when that keeps at least half
 * a part (so that a title's line break does not make a part of its own). The parts joined give the
 * text back exactly.
 */
final class Utf8Parts {

    private Utf8Parts() {}

    /** The UTF-8 length of {@code text}. */
    static int bytes(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += bytes(codePoint, false);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    /**
     * The parts of {@code text}, each at most {@code maxBytes} long in UTF-8 or, with {@code
     * jsonEscaped}, as a JSON string's content (a quote or a line break counts two bytes).
     */
    static List<String> split(String text, int maxBytes, boolean jsonEscaped) {
        if (maxBytes < 6) {
            throw new IllegalArgumentException("A part must hold any one character");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int used = 0;
            int afterLineBreak = -1;
            while (end < text.length()) {
                int codePoint = text.codePointAt(end);
                int size = bytes(codePoint, jsonEscaped);
                if (used + size > maxBytes) {
                    break;
                }
                used += size;
                end += Character.charCount(codePoint);
                if (codePoint == '\n' && used >= maxBytes / 2) {
                    afterLineBreak = end;
                }
            }
            if (end < text.length() && afterLineBreak > start) {
                end = afterLineBreak;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    private static int bytes(int codePoint, boolean jsonEscaped) {
        if (jsonEscaped && (codePoint == '"' || codePoint == '\\')) {
            return 2;
        }
        if (jsonEscaped && codePoint < 0x20) {
            return codePoint == '\n' || codePoint == '\t' || codePoint == '\r' ? 2 : 6;
        }
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
