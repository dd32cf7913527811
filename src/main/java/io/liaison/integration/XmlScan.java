package io.liaison.integration;

import io.liaison.shared.LiaisonException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks through one inflated part of a workbook, a buffer at a time, for texts longer than a cell
 * may be: the characters of a cell (its formula, value or rich-text runs together) or of a shared
 * string, elsewhere those between two tags (an entity or a CDATA section's text counting as what
 * it shows), and the characters of a tag. In a worksheet it also counts each row's cells and names an
 * over-long cell by its reference; in the shared strings it notes the over-long strings' numbers.
 * With {@code locate}, it finds the worksheet cell that shows one of those strings.
 */
final class XmlScan {

    /** Excel's own number of columns: a row of more cells is no worksheet Excel wrote. */
    private static final int EXCEL_COLUMNS = 16_384;

    private static final Pattern REFERENCE = Pattern.compile("\\sr=\"([A-Z]{1,3})([0-9]{1,7})\"");
    private static final Pattern SHARED = Pattern.compile("\\st=\"s\"");
    private static final byte[] CDATA = "![CDATA[".getBytes(StandardCharsets.US_ASCII);

    private final String entry;
    private final int maxChars;
    private final Set<Integer> longStrings;
    private final boolean locate;
    private final boolean sheet;
    private final boolean strings;
    private final byte[] tag = new byte[512];
    private int tagLength;
    private boolean inTag;
    private boolean inCdata;
    private boolean inEntity;
    private int run;
    private int tagRun;
    private boolean inGroup;
    private int lastTwo;
    private String column = "";
    private int row;
    private boolean sharedCell;
    private boolean inValue;
    private long value;
    private int cells;
    private int stringNumber = -1;
    private boolean noted;

    XmlScan(String entry, int maxChars, Set<Integer> longStrings, boolean locate) {
        this.entry = entry;
        this.maxChars = maxChars;
        this.longStrings = longStrings;
        this.locate = locate;
        this.sheet = worksheet(entry);
        this.strings = entry.endsWith("sharedStrings.xml");
    }

    static boolean worksheet(String entry) {
        return entry.startsWith("xl/worksheets/") && entry.endsWith(".xml");
    }

    void accept(byte[] bytes, int length) {
        if (!entry.endsWith(".xml") && !entry.endsWith(".rels")) {
            return;
        }
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (inCdata) {
                cdata(b);
            } else if (inTag) {
                tag(b);
            } else {
                text(b);
            }
        }
    }

    private void text(byte b) {
        if (b == '<') {
            inTag = true;
            tagLength = 0;
            tagRun = 0;
            return;
        }
        if (inValue && b >= '0' && b <= '9' && value < Integer.MAX_VALUE) {
            value = value * 10 + (b - '0');
        }
        if (inEntity) {
            inEntity = b != ';';
            return;
        }
        inEntity = b == '&';
        count(b, maxChars);
    }

    private void tag(byte b) {
        if (b == '>') {
            inTag = false;
            endTag();
            if (!inGroup) {
                run = 0;
                noted = false;
            }
            return;
        }
        if (tagLength < tag.length) {
            tag[tagLength++] = b;
            if (tagLength == CDATA.length && startsWith(CDATA)) {
                inTag = false;
                inCdata = true;
                return;
            }
        }
        // Attributes hold no cell's text; a tag this long is a text smuggled in.
        if ((b & 0xC0) != 0x80 && !locate && ++tagRun > maxChars + 1024) {
            tooLong();
        }
    }

    private void cdata(byte b) {
        if (b == '>' && lastTwo == (']' << 8 | ']')) {
            inCdata = false;
            return;
        }
        lastTwo = (lastTwo << 8 | (b & 0xFF)) & 0xFFFF;
        count(b, maxChars);
    }

    /** Counts a character at its first byte (UTF-8 continuation bytes are not characters). */
    private void count(byte b, int max) {
        if ((b & 0xC0) == 0x80 || locate || noted) {
            return;
        }
        if (++run > max) {
            tooLong();
        }
    }

    private void tooLong() {
        if (strings) {
            longStrings.add(stringNumber);
            noted = true;
        } else if (sheet) {
            throw LimitedSheet.cellTooLong(maxChars, row, column);
        } else {
            throw LiaisonException.tooLarge(
                    "import-text-too-long",
                    "The workbook's part " + entry + " holds a text of more than " + maxChars
                            + " characters (liaison.imports.max-cell-chars).",
                    maxChars,
                    entry);
        }
    }

    private void endTag() {
        boolean closing = tagLength > 0 && tag[0] == '/';
        boolean empty = tagLength > 0 && tag[tagLength - 1] == '/';
        String name = name(closing ? 1 : 0);
        if ((sheet && name.equals("c")) || (strings && name.equals("si"))) {
            inGroup = !closing && !empty;
            run = 0;
            noted = false;
        }
        if (sheet && name.equals("row") && !closing) {
            cells = 0;
        } else if (sheet && name.equals("c") && !closing) {
            if (++cells > EXCEL_COLUMNS) {
                throw LiaisonException.invalid(
                        "file", "has a row of more than " + EXCEL_COLUMNS + " cells, which Excel never writes");
            }
            String attributes = new String(tag, 0, tagLength, StandardCharsets.ISO_8859_1);
            Matcher reference = REFERENCE.matcher(attributes);
            if (reference.find()) {
                column = reference.group(1);
                row = Integer.parseInt(reference.group(2));
            }
            sharedCell = SHARED.matcher(attributes).find();
        } else if (sheet && name.equals("v")) {
            inValue = !closing && !empty;
            if (closing && locate && sharedCell && longStrings.contains((int) value)) {
                throw LimitedSheet.cellTooLong(maxChars, row, column);
            }
            value = 0;
        } else if (strings && name.equals("si") && !closing) {
            stringNumber++;
        }
    }

    /** The tag's local name, without a namespace prefix. */
    private String name(int from) {
        int end = from;
        int start = from;
        while (end < tagLength
                && tag[end] != ' '
                && tag[end] != '/'
                && tag[end] != '\t'
                && tag[end] != '\n'
                && tag[end] != '\r') {
            if (tag[end] == ':') {
                start = end + 1;
            }
            end++;
        }
        return new String(tag, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private boolean startsWith(byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (tag[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
