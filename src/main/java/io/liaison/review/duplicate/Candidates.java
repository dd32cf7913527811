package io.liaison.review.duplicate;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pairs a run has found so far, each with all its evidence, however many blocks found it. A
 * pair's score is that of its strongest evidence, raised by {@link #MORE} for each further,
 * independent one (same mobile and same e-mail is surer than either), at most 100.
 */
final class Candidates {

    /** What each further piece of independent evidence adds to the strongest one's score. */
    static final int MORE = 3;

    /**
     * Two contacts, {@code a} before {@code b} in the database's order of uuids (that of their text),
     * so that a pair has one key whichever way it was found.
     */
    record Key(UUID a, UUID b) {
        static final Comparator<UUID> ORDER = Comparator.comparing(UUID::toString);

        static Key of(UUID x, UUID y) {
            return ORDER.compare(x, y) < 0 ? new Key(x, y) : new Key(y, x);
        }
    }

    /** A pair as found: its evidence by code (the first value found for each) and its score. */
    static final class Candidate {
        private final Map<String, String> evidence = new LinkedHashMap<>();
        private int best;
        private int found;

        int score() {
            return Math.min(100, best + MORE * (found - 1));
        }

        boolean exact() {
            return evidence().stream().anyMatch(Evidence::exact);
        }

        List<Evidence> evidence() {
            return evidence.entrySet().stream()
                    .map(e -> new Evidence(e.getKey(), e.getValue()))
                    .toList();
        }
    }

    private final Map<Key, Candidate> pairs = new HashMap<>();

    /** One more finding of the pair {@code x}, {@code y}: a match worth {@code score}, made of {@code evidence}. */
    void add(UUID x, UUID y, int score, Evidence... evidence) {
        if (x.equals(y)) {
            return;
        }
        Candidate c = pairs.computeIfAbsent(Key.of(x, y), k -> new Candidate());
        boolean fresh = false;
        for (Evidence e : evidence) {
            fresh |= c.evidence.putIfAbsent(e.code(), e.value()) == null;
        }
        if (fresh) {
            c.found++;
            c.best = Math.max(c.best, score);
        }
    }

    Map<Key, Candidate> pairs() {
        return pairs;
    }

    void removeAll(Collection<Key> keys) {
        keys.forEach(pairs::remove);
    }

    int size() {
        return pairs.size();
    }
}
