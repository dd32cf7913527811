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
    private static final byte[] C = {'c'};
    private static final byte[] V = {'v'};
    private static final byte[] SI = {'s', 'i'};
    private static final byte[] ROW = {'r', 'o', 'w'};

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
    private final byte[] cellTag = new byte[512];
    private int cellTagLength;
    private int nameStart;
    private int nameEnd;
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
            throw cellTooLong();
        } else {
            throw LiaisonException.tooLarge("import-text-too-long", maxChars, entry);
        }
    }

    private void endTag() {
        if (!sheet && !strings) {
            return;
        }
        boolean closing = tagLength > 0 && tag[0] == '/';
        boolean empty = tagLength > 0 && tag[tagLength - 1] == '/';
        name(closing ? 1 : 0);
        boolean cell = sheet && named(C);
        if (cell || (strings && named(SI))) {
            inGroup = !closing && !empty;
            run = 0;
            noted = false;
        }
        if (sheet && !closing && named(ROW)) {
            cells = 0;
        } else if (cell && !closing) {
            if (++cells > EXCEL_COLUMNS) {
                throw LiaisonException.invalid("file", "invalid.workbook-row-cells", EXCEL_COLUMNS);
            }
            // Kept as bytes: the reference is read only for a cell that is refused.
            System.arraycopy(tag, 0, cellTag, 0, tagLength);
            cellTagLength = tagLength;
            sharedCell = locate && SHARED.matcher(cellAttributes()).find();
        } else if (sheet && named(V)) {
            inValue = !closing && !empty;
            if (closing && locate && sharedCell && longStrings.contains((int) value)) {
                throw cellTooLong();
            }
            value = 0;
        } else if (strings && !closing && named(SI)) {
            stringNumber++;
        }
    }

    private String cellAttributes() {
        return new String(cellTag, 0, cellTagLength, StandardCharsets.ISO_8859_1);
    }

    /** The last cell's refusal, named by its reference (row 0 and no column when it had none). */
    private LiaisonException cellTooLong() {
        Matcher reference = REFERENCE.matcher(cellAttributes());
        return reference.find()
                ? LimitedSheet.cellTooLong(maxChars, Integer.parseInt(reference.group(2)), reference.group(1))
                : LimitedSheet.cellTooLong(maxChars, 0, "");
    }

    /** Finds the tag's local name, without a namespace prefix, between {@code nameStart} and {@code nameEnd}. */
    private void name(int from) {
        nameStart = from;
        nameEnd = from;
        while (nameEnd < tagLength
                && tag[nameEnd] != ' '
                && tag[nameEnd] != '/'
                && tag[nameEnd] != '\t'
                && tag[nameEnd] != '\n'
                && tag[nameEnd] != '\r') {
            if (tag[nameEnd] == ':') {
                nameStart = nameEnd + 1;
            }
            nameEnd++;
        }
    }

    private boolean named(byte[] name) {
        if (nameEnd - nameStart != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (tag[nameStart + i] != name[i]) {
                return false;
            }
        }
        return true;
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
