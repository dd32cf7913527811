package io.liaison.contact;

import io.liaison.shared.Pinyin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a person's name is read in pinyin: its surname as a surname (曾 zeng, 单 shan, 区 ou, 欧阳
 * ouyang), the rest as {@link Pinyin} reads any text. Contact's search keys and the vCard export's
 * phonetic names use it.
 */
public final class ChineseNames {

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
