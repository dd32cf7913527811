package io.liaison.contact.search;

import io.liaison.contact.ChineseNames;
import io.liaison.shared.PhoneNumbers;
import io.liaison.shared.Pinyin;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The search keys of a contact's name and how a query is turned into one. Every kind of name
 * match is an exact key, so that the database answers any query with one index range that is
 * already in ranking order: {@code 张三} has the keys {@code 张三} (exact), {@code 张} (prefix),
 * {@code z}, {@code zh} ... {@code zhangsan} (pinyin), {@code zs} (initials) and {@code 三}
 * (substring).
 */
public final class SearchText {

    /** Match tiers, best first; {@link #OTHER} is a match in another field than the name. */
    public static final int EXACT = 0;

    public static final int PREFIX = 1;
    public static final int PINYIN = 2;
    public static final int INITIALS = 3;
    public static final int SUBSTRING = 4;
    public static final int OTHER = 5;

    /** Raise when the keys change; the application then rewrites the stored ones. */
    public static final int VERSION = 1;

    /** Longer prefixes are not stored: nobody types more than this before the list is short. */
    static final int MAX_PREFIX = 24;

    /** Names up to this length (after normalising) are found by any part of them. */
    static final int MAX_SUBSTRING_NAME = 12;

    private SearchText() {}

    /**
     * Text as keys hold it: compatibility forms folded (full-width letters and digits become
     * ASCII), lower case, no accents, no spaces or name punctuation, ü written v.
     */
    public static String normalize(String text) {
        return Pinyin.normalizeQuery(Normalizer.normalize(text, Normalizer.Form.NFKC));
    }

    /** Each key of the name with the best tier it matches at. */
    public static Map<String, Integer> nameKeys(String name) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        String n = normalize(name);
        if (n.isEmpty()) {
            return keys;
        }
        int[] chars = n.codePoints().toArray();
        put(keys, n, EXACT);
        prefixes(keys, chars, PREFIX);
        for (String spelling : ChineseNames.spellings(name)) {
            prefixes(keys, spelling.codePoints().toArray(), PINYIN);
        }
        for (String initials : ChineseNames.initials(name)) {
            prefixes(keys, initials.codePoints().toArray(), INITIALS);
        }
        if (chars.length <= MAX_SUBSTRING_NAME) {
            for (int from = 1; from < chars.length; from++) {
                for (int to = from + 1; to <= chars.length; to++) {
                    put(keys, new String(chars, from, to - from), SUBSTRING);
                }
            }
        }
        return keys;
    }

    /**
     * The characters and character pairs of texts such as a company and a remark, as stored for
     * search: a contact holding all the {@link #grams} of a query is a candidate that a substring
     * test confirms.
     */
    public static String[] textGrams(@Nullable String... texts) {
        Set<String> grams = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                int[] chars = flat(text).codePoints().toArray();
                for (int i = 0; i < chars.length; i++) {
                    grams.add(new String(chars, i, 1));
                    if (i + 1 < chars.length) {
                        grams.add(new String(chars, i, 2));
                    }
                }
            }
        }
        return grams.toArray(String[]::new);
    }

    /** The grams a query's matches must all hold: itself if one character long, else its pairs. */
    public static Set<String> grams(String flat) {
        int[] chars = flat.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        if (chars.length == 1) {
            grams.add(flat);
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            grams.add(new String(chars, i, 2));
        }
        return grams;
    }

    /** What marks a phone key in {@code contact_word}, apart from the characters of company and remark. */
    public static final String PHONE_MARK = "#";

    /** Phone keys are runs of this many digits at least ... */
    static final int MIN_DIGITS = 4;

    /** ... and at most this many; a longer fragment is looked up by its first six digits, then checked. */
    static final int MAX_DIGITS = 6;

    /**
     * The other-field keys of a contact ({@code contact_word}): the {@link #textGrams} of its company
     * and remark, and every run of {@link #MIN_DIGITS} to {@link #MAX_DIGITS} digits of each of its
     * phone numbers, marked {@link #PHONE_MARK}.
     */
    public static Set<String> wordKeys(
            @Nullable String company, @Nullable String remark, Iterable<@Nullable String> numbers) {
        Set<String> keys = new TreeSet<>(Arrays.asList(textGrams(company, remark)));
        for (String number : numbers) {
            if (number != null) {
                String digits = PhoneNumbers.digits(number);
                for (int length = MIN_DIGITS; length <= MAX_DIGITS; length++) {
                    for (int from = 0; from + length <= digits.length(); from++) {
                        keys.add(PHONE_MARK + digits.substring(from, from + length));
                    }
                }
            }
        }
        return keys;
    }

    /** The phone key a fragment of {@link #MIN_DIGITS} digits or more is looked up by. */
    public static String phoneKey(String digits) {
        return PHONE_MARK + digits.substring(0, Math.min(digits.length(), MAX_DIGITS));
    }

    /** Lower case without white space. */
    public static String flat(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static void prefixes(Map<String, Integer> keys, int[] chars, int tier) {
        for (int length = 1; length <= Math.min(chars.length, MAX_PREFIX); length++) {
            put(keys, new String(chars, 0, length), tier);
        }
    }

    private static void put(Map<String, Integer> keys, String key, int tier) {
        keys.merge(key, tier, Math::min);
    }
}
