package io.liaison.review.duplicate;

import io.liaison.contact.ChineseNames;
import io.liaison.shared.Pinyin;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Likely duplicates within one block of contacts that share a company (normalised) or the domain of
 * an e-mail address: the same name, the same full pinyin (张伟 and 章伟, or Zhang Wei), or, at the same
 * company, names one edit apart (张小明 and 张晓明, Jon Smith and John Smith). Namesakes at different
 * companies never meet in a block, so they never match. Every comparison goes through a hash of keys,
 * never over all pairs of a block, so a company of thousands costs what its contacts do.
 */
final class LikelyMatches {

    static final int NAME_COMPANY = 85;
    static final int PINYIN_COMPANY = 75;
    static final int NAME_DOMAIN = 70;
    static final int PINYIN_DOMAIN = 65;
    static final int EDIT_COMPANY = 60;

    /**
     * A key more contacts of one block share than this says nothing about any of them (a placeholder
     * name such as "经理", a company's generic first name); such a bucket is left out.
     */
    static final int MAX_BUCKET = 20;

    /** A name one edit from another is only a typo when the longer has this many characters at least. */
    static final int MIN_EDIT_LENGTH = 3;

    /** A contact of a block: its id, its name, and the block's value as this contact writes it. */
    record Row(UUID id, String name, String shown) {}

    /** The kind of block: contacts of one company, or with an address at one domain. */
    enum Block {
        COMPANY,
        DOMAIN
    }

    private LikelyMatches() {}

    /** Adds the likely pairs of one block to {@code into}. */
    static void match(Block block, List<Row> rows, Candidates into) {
        if (rows.size() < 2) {
            return;
        }
        String blockCode = block == Block.COMPANY ? Evidence.COMPANY : Evidence.DOMAIN;
        Map<String, List<Integer>> byName = new HashMap<>();
        Map<String, List<Integer>> bySpelling = new HashMap<>();
        Map<String, List<Integer>> byEdit = new HashMap<>();
        List<String> names = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String name = normalize(rows.get(i).name());
            names.add(name);
            if (name.isEmpty()) {
                continue;
            }
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
            for (String spelling : ChineseNames.spellings(rows.get(i).name())) {
                bySpelling.computeIfAbsent(spelling, k -> new ArrayList<>()).add(i);
            }
            if (block == Block.COMPANY) {
                for (String key : editKeys(name)) {
                    byEdit.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
        }
        int nameScore = block == Block.COMPANY ? NAME_COMPANY : NAME_DOMAIN;
        int spellingScore = block == Block.COMPANY ? PINYIN_COMPANY : PINYIN_DOMAIN;
        each(
                byName,
                (i, j, name) -> into.add(
                        rows.get(i).id(),
                        rows.get(j).id(),
                        nameScore,
                        new Evidence(Evidence.NAME, rows.get(i).name()),
                        new Evidence(blockCode, rows.get(i).shown())));
        each(bySpelling, (i, j, spelling) -> {
            if (!names.get(i).equals(names.get(j))) {
                into.add(
                        rows.get(i).id(),
                        rows.get(j).id(),
                        spellingScore,
                        new Evidence(Evidence.PINYIN, spelling),
                        new Evidence(blockCode, rows.get(i).shown()));
            }
        });
        each(byEdit, (i, j, key) -> {
            String a = names.get(i);
            String b = names.get(j);
            if (!a.equals(b)
                    && Math.max(a.codePointCount(0, a.length()), b.codePointCount(0, b.length())) >= MIN_EDIT_LENGTH
                    && oneEditApart(a, b)) {
                into.add(
                        rows.get(i).id(),
                        rows.get(j).id(),
                        EDIT_COMPANY,
                        new Evidence(
                                Evidence.NAME_EDIT,
                                rows.get(i).name() + " / " + rows.get(j).name()),
                        new Evidence(blockCode, rows.get(i).shown()));
            }
        });
    }

    /** A name as compared: compatibility forms folded, lower case, without spaces, accents or name punctuation. */
    static String normalize(String name) {
        return Pinyin.normalizeQuery(Normalizer.normalize(name, Normalizer.Form.NFKC));
    }

    /**
     * The name itself and the name without each one of its characters: two names one edit apart
     * always share one of these keys (a change shares the deletion at its place, an insertion is the
     * longer one's deletion), so the keys find every such pair and few others, which are then checked.
     */
    static Set<String> editKeys(String name) {
        int[] chars = name.codePoints().toArray();
        Set<String> keys = new LinkedHashSet<>();
        keys.add(name);
        for (int skip = 0; skip < chars.length && chars.length > 1; skip++) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < chars.length; i++) {
                if (i != skip) {
                    key.appendCodePoint(chars[i]);
                }
            }
            keys.add(key.toString());
        }
        return keys;
    }

    /** Whether the Levenshtein distance of the two names, in characters (not UTF-16 units), is one. */
    static boolean oneEditApart(String x, String y) {
        int[] a = x.codePoints().toArray();
        int[] b = y.codePoints().toArray();
        if (Math.abs(a.length - b.length) > 1) {
            return false;
        }
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int change = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length] == 1;
    }

    private interface PairAction {
        void accept(int i, int j, String key);
    }

    private static void each(Map<String, List<Integer>> buckets, PairAction action) {
        buckets.forEach((key, members) -> {
            if (members.size() < 2 || members.size() > MAX_BUCKET) {
                return;
            }
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    if (!members.get(x).equals(members.get(y))) {
                        action.accept(members.get(x), members.get(y), key);
                    }
                }
            }
        });
    }
}
