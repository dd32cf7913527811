package io.liaison.integration;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a file is, from its first bytes rather than its name: an XLSX workbook (a ZIP), a vCard
 * file (text that begins with BEGIN:VCARD), or CSV (any other text). Old binary workbooks and
 * other binary files are refused with what to do instead.
 */
final class ImportFormat {

    static final String CSV = "csv";
    static final String XLSX = "xlsx";
    static final String VCARD = "vcard";

    private ImportFormat() {}

    /** The format of the file; {@code requested} (csv, xlsx, vcard, auto or null) must agree with it. */
    static String of(Path file, @Nullable String requested) {
        String want = requested == null || requested.isBlank()
                ? "auto"
                : requested.strip().toLowerCase(Locale.ROOT);
        if (!want.equals("auto") && !want.equals(CSV) && !want.equals(XLSX) && !want.equals(VCARD)) {
            throw LiaisonException.invalid("format", "invalid.import-format");
        }
        String found = sniff(file);
        if (!want.equals("auto") && !want.equals(found)) {
            throw LiaisonException.invalid(
                    "file", "invalid.format-mismatch", want, Message.of("import.format." + found), found);
        }
        return found;
    }

    private static String sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the uploaded file", e);
        }
        if (head.length == 0) {
            throw LiaisonException.invalid("file", "invalid.empty-file");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11) {
            throw LiaisonException.invalid("file", "invalid.xls");
        }
        TextEncoding.Detected detected = TextEncoding.detect(head);
        Charset charset = detected.charset();
        String text = new String(head, detected.bomLength(), head.length - detected.bomLength(), charset);
        if (text.isBlank() && head.length < 4096) {
            throw LiaisonException.invalid("file", "invalid.empty-file");
        }
        if (binary(text)) {
            throw LiaisonException.invalid("file", "invalid.file-format");
        }
        return text.stripLeading().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCARD") ? VCARD : CSV;
    }

    /** Control characters other than tab and line breaks, as in images, PDFs and archives. */
    private static boolean binary(String text) {
        long control = text.chars()
                .filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                .count();
        return control > text.length() / 100 + 1;
    }

    /**
     * The file's records, refused past the {@code limits}; {@code sheet} names a workbook's
     * worksheet (its name, or its number from 1).
     */
    static Sheet open(Path file, String format, @Nullable String sheet, ImportLimits limits) throws IOException {
        return switch (format) {
            case XLSX -> new LimitedSheet(new XlsxSheet(file, sheet, limits), limits, -1);
            case VCARD -> new LimitedSheet(new VcardSheet(file), limits, VcardSheet.COLUMNS.indexOf("avatar"));
            default -> new LimitedSheet(new CsvSheet(file), limits, -1);
        };
    }
}
