package io.liaison.identity;

import io.liaison.shared.Pinyin;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The text a member is found by: pinyin spellings first (so that ordering by it sorts Chinese names
 * as a Chinese reader expects), then the name as queries are normalised, the login and the initials.
 */
final class MemberSearchKeys {

    private MemberSearchKeys() {}

    static String of(String displayName, String login) {
        Set<String> keys = new LinkedHashSet<>(Pinyin.spellings(displayName));
        keys.add(Pinyin.normalizeQuery(displayName));
        keys.add(login.toLowerCase(Locale.ROOT));
        keys.add(Pinyin.normalizeQuery(login));
        keys.addAll(Pinyin.initials(displayName));
        keys.remove("");
        return String.join(" ", keys);
    }

    /** A query as {@link #of} stores keys, as a LIKE pattern that finds it anywhere. */
    static String pattern(String query) {
        return "%" + escaped(Pinyin.normalizeQuery(query)) + "%";
    }

    /** A LIKE pattern for keys where a word starts with the query, for ranking those first. */
    static String wordStart(String query) {
        return "% " + escaped(Pinyin.normalizeQuery(query)) + "%";
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
