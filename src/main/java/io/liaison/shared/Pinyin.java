package io.liaison.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Chinese text in pinyin, for search: {@code 张三} is {@code zhangsan}, initials {@code zs}. A
 * character with several readings gives several spellings, the most common reading first. Latin
 * letters and digits are kept, lower-cased; everything else is dropped. How a person's name is read
 * (surnames) is contact's business ({@code io.liaison.contact.ChineseNames}), built on {@link
 * #positions}.
 */
public final class Pinyin {

    /** At most this many spellings per text; texts with many polyphonic characters keep the likeliest. */
    public static final int MAX_SPELLINGS = 4;

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<Character, List<String>> READINGS = new ConcurrentHashMap<>();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    private Pinyin() {}

    /** Full spellings without spaces or tones, such as {@code [zhangsan]}; empty when nothing is spellable. */
    public static List<String> spellings(String text) {
        return spellings(positions(text));
    }

    /** The initials of each spelling, such as {@code [zs]}. */
    public static List<String> initials(String text) {
        return initials(positions(text));
    }

    /** The spellings of these positions, each position one of its readings. */
    public static List<String> spellings(List<List<String>> positions) {
        return combine(positions, false);
    }

    /** The initials of the spellings of these positions. */
    public static List<String> initials(List<List<String>> positions) {
        return combine(positions, true);
    }

    /**
     * A query as spellings are stored: lower case, without spaces, tone marks or apostrophes, with
     * ü (or u:) written v. {@code "Zhāng Sān"} becomes {@code zhangsan}.
     */
    public static String normalizeQuery(String query) {
        String lower = Normalizer.normalize(query.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        String plain = lower.replace("u\u0308", "v").replace("u:", "v").replaceAll("\\p{M}", "");
        return plain.replaceAll("[\\s'’·.-]", "");
    }

    /**
     * Each position of the text with its possible readings, the most common first; a run of Latin
     * letters or digits is one position, anything else without a reading is dropped.
     */
    public static List<List<String>> positions(String text) {
        List<List<String>> result = new ArrayList<>();
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                latin.append(Character.toLowerCase(c));
                continue;
            }
            if (!latin.isEmpty()) {
                result.add(List.of(latin.toString()));
                latin.setLength(0);
            }
            List<String> readings = readings(c);
            if (!readings.isEmpty()) {
                result.add(readings);
            }
        }
        if (!latin.isEmpty()) {
            result.add(List.of(latin.toString()));
        }
        return result;
    }

    private static List<String> readings(char c) {
        return READINGS.computeIfAbsent(c, Pinyin::lookUp);
    }

    private static List<String> lookUp(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return all == null ? List.of() : List.copyOf(new LinkedHashSet<>(List.of(all)));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> combine(List<List<String>> positions, boolean initialsOnly) {
        List<String> result = List.of("");
        for (List<String> readings : positions) {
            LinkedHashSet<String> next = new LinkedHashSet<>();
            for (String prefix : result) {
                for (String reading : readings) {
                    String part = initialsOnly && reading.length() > 0 ? reading.substring(0, 1) : reading;
                    next.add(prefix + part);
                }
            }
            result = next.stream().limit(MAX_SPELLINGS).toList();
        }
        return result.size() == 1 && result.get(0).isEmpty() ? List.of() : result;
    }
}
