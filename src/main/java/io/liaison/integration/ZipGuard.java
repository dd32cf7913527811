package io.liaison.integration;

import io.liaison.shared.LiaisonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads every entry of a workbook's ZIP before the workbook reader does (the same ZIP reader,
 * the same central directory), inflating it here with a counter of the real bytes, since an
 * entry's declared sizes can lie. It stops at the first entry that inflates past {@code
 * maxEntrySize} or more than {@code maxCompressionRatio} times its compressed bytes (a zip bomb),
 * a text longer than {@code maxCellChars} (named by its cell, a shared string by the cell that
 * uses it), or a row of more cells than Excel allows; so no part of a file is ever expanded or
 * held beyond the limits.
 */
final class ZipGuard {

    /** The ratio is judged only past this many inflated bytes: small parts compress unevenly. */
    private static final long RATIO_GRACE = 1 << 20;

    /**
     * Files found within the limits, as they were then: an upload is opened several times (its
     * header, its rows, its worksheets' names, a job's count and run) and never changes, so it is
     * read here once.
     */
    private static final Map<Checked, Boolean> PASSED = new ConcurrentHashMap<>();

    private static final int REMEMBERED = 1000;

    private record Checked(Path file, long size, FileTime modified, ImportLimits limits) {}

    private ZipGuard() {}

    static void check(Path file, ImportLimits limits) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Checked checked = new Checked(file, attributes.size(), attributes.lastModifiedTime(), limits);
        if (PASSED.containsKey(checked)) {
            return;
        }
        scan(file, limits);
        if (PASSED.size() >= REMEMBERED) {
            PASSED.clear();
        }
        PASSED.put(checked, true);
    }

    private static void scan(Path file, ImportLimits limits) throws IOException {
        Set<Integer> longStrings = new HashSet<>();
        try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                read(zip, entry, limits, new XmlScan(entry.getName(), limits.maxCellChars(), longStrings, false));
            }
            if (longStrings.isEmpty()) {
                return;
            }
            // A shared string too long: find the cell that shows it, so the user can shorten it.
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (XmlScan.worksheet(entry.getName())) {
                    read(zip, entry, limits, new XmlScan(entry.getName(), limits.maxCellChars(), longStrings, true));
                }
            }
        }
        throw LiaisonException.tooLarge("import-text-too-long", limits.maxCellChars(), "xl/sharedStrings.xml");
    }

    private static void read(ZipFile zip, ZipArchiveEntry entry, ImportLimits limits, XmlScan scan) throws IOException {
        int method = entry.getMethod();
        if (method != ZipArchiveEntry.STORED && method != ZipArchiveEntry.DEFLATED) {
            throw LiaisonException.invalid("file", "invalid.workbook-compression", entry.getName());
        }
        Inflater inflater = new Inflater(true);
        byte[] raw = new byte[1 << 16];
        byte[] out = new byte[1 << 16];
        long compressed = 0;
        long inflated = 0;
        try (InputStream in = zip.getRawInputStream(entry)) {
            if (in == null) {
                return;
            }
            while (true) {
                int n;
                if (method == ZipArchiveEntry.STORED) {
                    n = in.read(out);
                    if (n < 0) {
                        return;
                    }
                    compressed += n;
                } else {
                    if (inflater.needsInput()) {
                        int r = in.read(raw);
                        if (r < 0) {
                            return;
                        }
                        compressed += r;
                        inflater.setInput(raw, 0, r);
                    }
                    n = inflater.inflate(out);
                    if (n == 0 && (inflater.finished() || inflater.needsDictionary())) {
                        return;
                    }
                }
                inflated += n;
                if (inflated > limits.maxEntrySize()) {
                    throw LiaisonException.tooLarge(
                            "import-entry-too-large", megabytes(limits.maxEntrySize()), entry.getName());
                }
                long fed = compressed - inflater.getRemaining();
                if (inflated > RATIO_GRACE && inflated > limits.maxCompressionRatio() * Math.max(fed, 1)) {
                    throw LiaisonException.tooLarge(
                            "import-compression-ratio", limits.maxCompressionRatio(), entry.getName());
                }
                scan.accept(out, n);
            }
        } catch (DataFormatException e) {
            throw LiaisonException.invalid("file", "invalid.workbook-damaged", entry.getName());
        } finally {
            inflater.end();
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MB" : bytes + " bytes";
    }
}
