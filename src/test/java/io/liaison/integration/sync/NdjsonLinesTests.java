package io.liaison.integration.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTests {

    private static List<NdjsonLines.Line> read(byte[] body, int maxLine, long maxBody) throws IOException {
        // One byte a read: a line split across reads of the stream is still one line.
        InputStream trickle = new ByteArrayInputStream(body) {
            @Override
            public int read(byte[] b) {
                return super.read(b, 0, Math.min(1, b.length));
            }
        };
        NdjsonLines lines = new NdjsonLines(trickle, maxLine, maxBody);
        List<NdjsonLines.Line> all = new ArrayList<>();
        NdjsonLines.Line line;
        while ((line = lines.next()) != null) {
            all.add(line);
        }
        return all;
    }

    @Test
    void linesAreNumberedWithCrLfAndALastLineWithoutANewline() throws IOException {
        List<NdjsonLines.Line> lines = read("{\"a\":1}\r\n\n张三".getBytes(StandardCharsets.UTF_8), 100, 1000);

        assertThat(lines)
                .containsExactly(
                        new NdjsonLines.Line(1, "{\"a\":1}", null),
                        new NdjsonLines.Line(2, "", null),
                        new NdjsonLines.Line(3, "张三", null));
    }

    @Test
    void aLongLineOrOneNotInUtf8IsSaidSoAndTheNextLinesAreRead() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("x".repeat(11).getBytes(StandardCharsets.UTF_8));
        body.write('\n');
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        body.write("ok".getBytes(StandardCharsets.UTF_8));

        assertThat(read(body.toByteArray(), 10, 1000))
                .containsExactly(
                        new NdjsonLines.Line(1, null, "sync.line.too-long"),
                        new NdjsonLines.Line(2, null, "sync.line.not-utf8"),
                        new NdjsonLines.Line(3, "ok", null));
    }

    @Test
    void aBodyPastItsLimitStopsTheReading() {
        byte[] body = "a\nb\nc\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(body, 10, 4)).isInstanceOf(NdjsonLines.BodyTooLarge.class);
    }
}
