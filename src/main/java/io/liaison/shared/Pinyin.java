package io.liaison.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * How a name is spelled in pinyin, for search: {@code 张三} is {@code zhangsan}, initials {@code zs}.
 * A surname is read as a surname (曾 zeng, 单 shan, 区 ou, 欧阳 ouyang); another character with
 * several readings gives several spellings, the most common reading first. Latin letters and
 * digits are kept, lower-cased; everything else is dropped.
 */
public final class Pinyin {

    /** At most this many spellings per name; names with many polyphonic characters keep the likeliest. */
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
    public static List<String> spellings(String name) {
        return combine(syllables(name), false);
    }

    /** The initials of each spelling, such as {@code [zs]}. */
    public static List<String> initials(String name) {
        return combine(syllables(name), true);
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
     * A Chinese name's family and given names in pinyin, capitalised: 欧阳娜娜 is Ouyang, Nana;
     * {@code familyChars} is the length of the family name in the name (2 for a compound surname).
     */
    public record Phonetic(String family, String given, int familyChars) {}

    /**
     * How phones sort a Chinese name ({@code X-PHONETIC-LAST-NAME} and {@code -FIRST-NAME} of a
     * vCard): the family name is a compound surname or the first character, read as a surname; empty
     * for a name that does not begin with a Chinese character.
     */
    public static Optional<Phonetic> phonetic(String name) {
        String text = name.strip();
        if (text.isEmpty() || Character.UnicodeScript.of(text.codePointAt(0)) != Character.UnicodeScript.HAN) {
            return Optional.empty();
        }
        List<List<String>> positions = syllables(text);
        int family = text.length() > 2 && Surnames.COMPOUND.containsKey(text.substring(0, 2))
                ? Surnames.COMPOUND.get(text.substring(0, 2)).split(" ").length
                : 1;
        StringBuilder last = new StringBuilder();
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < positions.size(); i++) {
            (i < family ? last : first).append(positions.get(i).get(0));
        }
        return Optional.of(new Phonetic(capitalised(last), capitalised(first), Math.min(family, text.length())));
    }

    private static String capitalised(StringBuilder spelling) {
        return spelling.isEmpty() ? "" : Character.toUpperCase(spelling.charAt(0)) + spelling.substring(1);
    }

    /** Each position of the name with its possible readings; a run of Latin letters or digits is one position. */
    private static List<List<String>> syllables(String name) {
        List<List<String>> result = new ArrayList<>();
        String text = name.strip();
        String compound = text.length() > 2 ? Surnames.COMPOUND.get(text.substring(0, 2)) : null;
        int start = 0;
        if (compound != null) {
            for (String syllable : compound.split(" ")) {
                result.add(List.of(syllable));
            }
            start = 2;
        }
        StringBuilder latin = new StringBuilder();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                latin.append(Character.toLowerCase(c));
                continue;
            }
            if (!latin.isEmpty()) {
                result.add(List.of(latin.toString()));
                latin.setLength(0);
            }
            String surname = i == 0 ? Surnames.SINGLE.get(c) : null;
            List<String> readings = surname != null ? List.of(surname) : readings(c);
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
