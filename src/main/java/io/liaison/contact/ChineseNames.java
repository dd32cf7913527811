package io.liaison.contact;

import io.liaison.shared.Pinyin;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a person's name is read in pinyin: its surname as a surname (曾 zeng, 单 shan, 区 ou, 欧阳
 * ouyang), the rest as {@link Pinyin} reads any text. Contact's search keys, the list's order by name
 * and the vCard export's phonetic names use it.
 */
public final class ChineseNames {

    /** Past this many characters of key a name adds nothing more to its {@link #sortKey}. */
    static final int SORT_KEY_LENGTH = 160;

    private ChineseNames() {}

    /** A name's family and given names in pinyin, capitalised: 欧阳娜娜 is Ouyang, Nana. */
    public record Phonetic(String family, String given, int familyChars) {}

    /** Full spellings of a name, such as {@code [zengguofan]} for 曾国藩. */
    public static List<String> spellings(String name) {
        return Pinyin.spellings(positions(name.strip()));
    }

    /** The initials of each spelling, such as {@code [oynn]} for 欧阳娜娜. */
    public static List<String> initials(String name) {
        return Pinyin.initials(positions(name.strip()));
    }

    /**
     * How phones sort a Chinese name ({@code X-PHONETIC-LAST-NAME} and {@code -FIRST-NAME} of a
     * vCard): the family name is a compound surname or the first character, read as a surname; empty
     * for a name that does not begin with a Chinese character. {@code familyChars} is the length of
     * the family name in the name (2 for a compound surname).
     */
    public static Optional<Phonetic> phonetic(String name) {
        String text = name.strip();
        if (text.isEmpty() || Character.UnicodeScript.of(text.codePointAt(0)) != Character.UnicodeScript.HAN) {
            return Optional.empty();
        }
        List<List<String>> positions = positions(text);
        String compound = compound(text);
        int family = compound != null ? compound.split(" ").length : 1;
        StringBuilder last = new StringBuilder();
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < positions.size(); i++) {
            (i < family ? last : first).append(positions.get(i).get(0));
        }
        return Optional.of(new Phonetic(capitalised(last), capitalised(first), Math.min(family, text.length())));
    }

    /**
     * Where a name sorts, as an address book orders it, for comparison in byte order (collation
     * "C"): syllable by syllable in pinyin (安, 白, 陈 ...; 李 before 李安 before 连), the surname
     * read as a surname (曾 is zeng), each Chinese syllable followed by its character, so that the
     * 张s stay together before the 章s. Words in Latin or other letters sort by their letters,
     * without case or accents, before Chinese names spelled the same (Li before 李); digits before
     * letters. A name without letters or digits has an empty key. The key stops after about 20
     * characters of the name ({@link #SORT_KEY_LENGTH}), so that it fits an index entry with 100 tags.
     */
    public static String sortKey(String name) {
        String text = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder key = new StringBuilder();
        int from = 0;
        String compound = compound(text);
        @Nullable String surname = text.isEmpty() ? null : Surnames.SINGLE.get(text.charAt(0));
        if (compound != null) {
            String[] syllables = compound.split(" ");
            syllable(key, syllables[0], text.substring(0, 1));
            syllable(key, syllables[1], text.substring(1, 2));
            from = 2;
        } else if (surname != null) {
            syllable(key, surname, text.substring(0, 1));
            from = 1;
        }
        StringBuilder word = new StringBuilder();
        for (int i = from; i < text.length() && key.length() + word.length() < SORT_KEY_LENGTH; ) {
            int c = text.codePointAt(i);
            String character = text.substring(i, i + Character.charCount(c));
            i += character.length();
            List<List<String>> readings = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    ? Pinyin.positions(character)
                    : List.of();
            if (!readings.isEmpty()) {
                word(key, word);
                syllable(key, readings.get(0).get(0), character);
            } else if (Character.isLetterOrDigit(c)) {
                word.append(character.toLowerCase(Locale.ROOT));
            } else {
                word(key, word);
            }
        }
        word(key, word);
        return key.toString();
    }

    /** A syllable and then its character, each closed by a space, which sorts before any letter. */
    private static void syllable(StringBuilder key, String reading, String character) {
        key.append(reading).append(' ').append(character).append(' ');
    }

    private static void word(StringBuilder key, StringBuilder word) {
        if (!word.isEmpty()) {
            key.append(word).append(' ');
            word.setLength(0);
        }
    }

    /** The name's positions with the surname's reading in place of the character's usual ones. */
    private static List<List<String>> positions(String text) {
        String compound = compound(text);
        List<List<String>> result = new ArrayList<>();
        if (compound != null) {
            for (String syllable : compound.split(" ")) {
                result.add(List.of(syllable));
            }
            result.addAll(Pinyin.positions(text.substring(2)));
            return result;
        }
        @Nullable String surname = text.isEmpty() ? null : Surnames.SINGLE.get(text.charAt(0));
        if (surname == null) {
            return Pinyin.positions(text);
        }
        result.add(List.of(surname));
        result.addAll(Pinyin.positions(text.substring(1)));
        return result;
    }

    private static @Nullable String compound(String text) {
        return text.length() > 2 ? Surnames.COMPOUND.get(text.substring(0, 2)) : null;
    }

    private static String capitalised(StringBuilder spelling) {
        return spelling.isEmpty() ? "" : Character.toUpperCase(spelling.charAt(0)) + spelling.substring(1);
    }
}
