package io.liaison.shared.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the names of Java classes out of what users read: a message that carries a library's own
 * words ({@code cannot be read as xlsx: com.fasterxml.aalto.WFCException: ...}) keeps only what
 * Liaison said before them; the whole message goes to the log. Problems, page failures and the
 * stored reasons of failed jobs go through it.
 */
public final class CodeNames {

    private static final Logger log = LoggerFactory.getLogger(CodeNames.class);

    /** A qualified class name ({@code java.lang.String}) or an exception's simple name. */
    private static final Pattern CLASS = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");

    private CodeNames() {}

    /** {@code text} without a library's words, or {@code fallback} when nothing of ours is left. */
    public static String clean(@Nullable String text, String fallback) {
        if (text == null) {
            return fallback;
        }
        Matcher match = CLASS.matcher(text);
        if (!match.find()) {
            return text;
        }
        log.info("Kept a library's words out of an answer: {}", text);
        String ours = text.substring(0, match.start());
        int colon = ours.indexOf(": ");
        ours = (colon >= 0 ? ours.substring(0, colon) : ours).strip();
        return ours.isEmpty() ? fallback : ours;
    }
}
