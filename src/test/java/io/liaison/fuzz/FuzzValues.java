package io.liaison.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Values for requests: plausible ones, and the ones that broke Liaison before (NUL, lone surrogates,
 * timestamps outside PostgreSQL's range, nulls inside id arrays, numbers that overflow), written as
 * JSON or query text byte for byte, so that nothing on the client's side cleans them up.
 */
final class FuzzValues {

    /** Bytes that are not UTF-8: an overlong NUL, an encoded lone surrogate, a stray byte, a cut sequence. */
    static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xE4, (byte) 0xB8});

    private static final List<String> TEXT = List.of(
            "张三",
            "欧阳娜娜",
            "zhang san",
            "zs",
            "李明朗",
            "Jay Chou",
            "上海贸易",
            "科技",
            "A",
            "O'Brien & Co.",
            "<b>x</b>",
            "😀 客户",
            "  spaced  ");
    private static final List<String> NASTY_TEXT = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\uD800",
            "x\uDC00y",
            "\u202Eevil",
            "%00",
            "../../etc/passwd",
            "' OR 1=1 --",
            "=HYPERLINK(\"http://x\",\"y\")",
            "null",
            "9".repeat(40),
            "长".repeat(5000));
    static final List<String> NASTY_TIMES = List.of(
            "+294277-01-01T00:00:00Z",
            "-4714-11-23T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "2026-13-45T25:61:00Z",
            "2026-01-01",
            "yesterday");
    static final List<String> NASTY_IDS =
            List.of("not-a-uuid", "%00", "a%2Fb", "%C0%80", "%ED%A0%80", "..", "%20", "0", "x".repeat(3000));

    private final Random random;

    FuzzValues(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    String text() {
        return pick(TEXT);
    }

    String nastyText() {
        return pick(NASTY_TEXT);
    }

    String unique(String prefix) {
        return prefix + Long.toString(random.nextLong() & 0xffffffffL, 36);
    }

    String mobile() {
        return "+86138" + String.format("%08d", random.nextInt(100_000_000));
    }

    String time() {
        return chance(0.8)
                ? "2026-" + String.format("%02d-%02dT%02d:15:00+08:00", between(1, 12), between(1, 28), between(0, 23))
                : pick(NASTY_TIMES);
    }

    String date() {
        return chance(0.8)
                ? String.format("19%02d-%02d-%02d", between(50, 99), between(1, 12), between(1, 28))
                : "+99999-01-01";
    }

    /** A number, now and then one that no int or long holds or that is not whole. */
    Object number(int min, int max) {
        return chance(0.85)
                ? (Object) between(min, max)
                : pick(List.of(-1, Integer.MAX_VALUE, 2147483648L, 1.5, new Raw("1e309")));
    }

    /** A value of the wrong kind for any field: nulls inside arrays, nesting, the wrong type. */
    Object wrongKind() {
        return pick(List.of(
                List.of(),
                java.util.Arrays.asList((Object) null),
                List.of(""),
                List.of(" ", "x"),
                Map.of("a", List.of(Map.of())),
                Boolean.TRUE,
                12345,
                -0.0,
                new Raw("1e400"),
                new Raw("[".repeat(2000) + "]".repeat(2000)),
                nastyText(),
                ids(5001)));
    }

    List<String> ids(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    /** JSON text that is written as it is, for numbers and nestings no Java value spells. */
    record Raw(String json) {}

    /** {@code value} as JSON with every non-ASCII character escaped, lone surrogates included. */
    static String json(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, @Nullable Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String s) {
            out.append('"');
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var e : map.entrySet()) {
                out.append(first ? "" : ",");
                write(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
                first = false;
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    /** The JSON of {@code body} with the bytes of {@code bad} put inside its first string. */
    static byte[] withInvalidUtf8(Map<String, Object> body, byte[] bad) {
        Map<String, Object> marked = new LinkedHashMap<>(body);
        marked.put("name", "MARK");
        byte[] text = json(marked).getBytes(StandardCharsets.US_ASCII);
        String s = new String(text, StandardCharsets.US_ASCII);
        int at = s.indexOf("MARK");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(bad);
        out.write(text, at + 4, text.length - at - 4);
        return out.toByteArray();
    }

    /** {@code value} for a query string or path: UTF-8, percent-encoded, or the raw escapes it already has. */
    static String encode(String value) {
        if (value.matches(".*%[0-9A-Fa-f]{2}.*")) {
            return value;
        }
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
