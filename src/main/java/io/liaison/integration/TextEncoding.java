package io.liaison.integration;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The character set of a text file as spreadsheets and phones write them: a byte-order mark says
 * UTF-8 or UTF-16; without one, UTF-16 shows by its zero bytes. Text that is not valid UTF-8 is in
 * the character set it declares (a vCard's first {@code CHARSET=} other than UTF-8), else in
 * GB18030 (a superset of GBK, which Chinese Excel writes) when its bytes above 127 come in pairs (all but a few),
 * as Chinese characters do, and in Windows-1252 when they stand alone between ASCII letters, as
 * accented letters do.
 */
final class TextEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern DECLARED = Pattern.compile("(?i)CHARSET=\"?([A-Za-z0-9_-]+)");
    private static final int SAMPLE = 1 << 16;

    private TextEncoding() {}

    /** A reader of the stream in its detected character set, past any byte-order mark. */
    static Reader reader(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SAMPLE);
        buffered.mark(SAMPLE);
        byte[] sample = buffered.readNBytes(SAMPLE);
        buffered.reset();
        Detected detected = detect(sample);
        buffered.skipNBytes(detected.bomLength());
        return new InputStreamReader(buffered, detected.charset());
    }

    record Detected(Charset charset, int bomLength) {}

    static Detected detect(byte[] sample) {
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(sample, 0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(sample, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < sample.length; i++) {
            if (sample[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        if (sample.length > 1 && Math.max(evenZeros, oddZeros) > sample.length / 4) {
            return new Detected(evenZeros > oddZeros ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE, 0);
        }
        if (validUtf8(sample)) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        Charset declared = declared(sample);
        if (declared != null) {
            return new Detected(declared, 0);
        }
        return new Detected(mostlyPaired(sample) ? GB18030 : WINDOWS_1252, 0);
    }

    private static @Nullable Charset declared(byte[] sample) {
        Matcher m = DECLARED.matcher(new String(sample, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            try {
                Charset charset = Charset.forName(m.group(1));
                if (!charset.equals(StandardCharsets.UTF_8)) {
                    return charset;
                }
            } catch (IllegalArgumentException e) {
                // an unknown name, such as ENCODING=Murks: look further
            }
        }
        return null;
    }

    /** Have (nearly) all bytes above 127 another such byte next to them? */
    private static boolean mostlyPaired(byte[] sample) {
        int paired = 0;
        int alone = 0;
        for (int i = 0; i < sample.length; i++) {
            if ((sample[i] & 0x80) != 0) {
                boolean before = i > 0 && (sample[i - 1] & 0x80) != 0;
                boolean after = i + 1 < sample.length && (sample[i + 1] & 0x80) != 0;
                if (before || after) {
                    paired++;
                } else {
                    alone++;
                }
            }
        }
        return alone * 10 <= paired;
    }

    /** Valid UTF-8, allowing a character cut off by the end of the sample. */
    static boolean validUtf8(byte[] sample) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        return !decoder.decode(in, out, false).isError();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
