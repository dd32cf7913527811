package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Text Liaison refuses rather than stores altered: a NUL character (PostgreSQL cannot store it in
 * text), a lone UTF-16 surrogate (it has no UTF-8 form, so the driver would replace it), and bytes
 * that are not UTF-8 (overlong forms such as {@code C0 80}, encoded surrogates such as
 * {@code ED A0 80}), which decoders would otherwise turn into something else.
 */
public final class StrictText {

    public static final String NUL = "invalid.nul";
    public static final String LONE_SURROGATE = "invalid.lone-surrogate";
    public static final String NOT_UTF8 = "invalid.not-utf8";

    private StrictText() {}

    /** What is wrong with {@code value}, as the code of a field error's rule, or {@code null}. */
    public static @Nullable String problem(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return LONE_SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }

    /** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
    public static int invalidUtf8At(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(Math.min(length, 8192) + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /** Throws the 400 for {@code field} when its value breaks a rule. */
    public static void check(String field, @Nullable String value) {
        String problem = problem(value);
        if (problem != null) {
            throw refused(field, problem);
        }
    }

    /** A 400 naming the field; the detail reads the rule in the user's language ({@code invalid.<rule>}). */
    public static LiaisonException refused(String field, String rule) {
        return refused(List.of(LiaisonException.FieldError.of(field, rule)));
    }

    /** A 400 listing every refused field; the detail names the first. */
    public static LiaisonException refused(List<LiaisonException.FieldError> errors) {
        LiaisonException.FieldError first = errors.get(0);
        return LiaisonException.withErrors(HttpStatus.BAD_REQUEST, "invalid-text", errors, first.label(), first.rule());
    }
}
