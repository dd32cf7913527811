package io.liaison.review.duplicate;

import io.liaison.review.duplicate.Candidates.Key;
import io.liaison.review.finding.FindingCheck;
import io.liaison.review.finding.Found;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the duplicate contacts of an organization: pairs that share an exact key (a phone number, an
 * e-mail address, an external id) and likely pairs (same name or pinyin at the same company or
 * e-mail domain, a name one edit away at the same company), each scored with its evidence, grouped
 * into clusters (connected components, so three copies of one person are one cluster). A run
 * replaces the stored pairs (pairs members dismissed never come back) and answers one finding per
 * contact and reason for the nightly review.
 */
@Component
public class DuplicateDetection implements FindingCheck {

    public static final String KIND = "duplicate";
    public static final String MOBILE = "duplicate.mobile";
    public static final String EMAIL = "duplicate.email";
    public static final String EXTERNAL_ID = "duplicate.external-id";
    public static final String LIKELY = "duplicate.likely";

    static final int SCORE_EXTERNAL_ID = 98;
    static final int SCORE_MOBILE = 95;
    static final int SCORE_EMAIL = 90;

    private final DuplicateKeys keys;
    private final DuplicatePairs pairs;
    private final TransactionTemplate transaction;

    DuplicateDetection(DuplicateKeys keys, DuplicatePairs pairs, TransactionTemplate transaction) {
        this.keys = keys;
        this.pairs = pairs;
        this.transaction = transaction;
    }

    @Override
    public Set<String> reasons() {
        return Set.of(MOBILE, EMAIL, EXTERNAL_ID, LIKELY);
    }

    /** Detects the organization's duplicates, stores the pairs, and answers their findings. */
    @Override
    public List<Found> run(UUID orgId) {
        return transaction.execute(status -> detect(orgId));
    }

    private List<Found> detect(UUID orgId) {
        Candidates found = new Candidates();
        keys.sameNumber(orgId)
                .forEach(s -> found.add(s.a(), s.b(), SCORE_MOBILE, new Evidence(Evidence.MOBILE, s.value())));
        keys.sameEmail(orgId)
                .forEach(s -> found.add(s.a(), s.b(), SCORE_EMAIL, new Evidence(Evidence.EMAIL, s.value())));
        keys.sameExternalId(orgId)
                .forEach(
                        s -> found.add(s.a(), s.b(), SCORE_EXTERNAL_ID, new Evidence(Evidence.EXTERNAL_ID, s.value())));
        keys.blocks(orgId, (block, rows) -> LikelyMatches.match(block, rows, found));
        found.removeAll(pairs.dismissed(orgId));
        Map<UUID, UUID> clusters = clusters(found.pairs().keySet());
        List<DuplicatePairs.Stored> stored = new ArrayList<>(found.size());
        Map<String, Found> findings = new LinkedHashMap<>();
        found.pairs().forEach((key, candidate) -> {
            stored.add(new DuplicatePairs.Stored(
                    key.a(),
                    key.b(),
                    candidate.score(),
                    candidate.exact(),
                    candidate.evidence(),
                    clusters.get(key.a())));
            for (String reason : reasons(candidate.evidence())) {
                finding(findings, key.a(), reason, candidate.score());
                finding(findings, key.b(), reason, candidate.score());
            }
        });
        pairs.replace(orgId, stored);
        return List.copyOf(findings.values());
    }

    /** The reasons of a pair with this evidence: one per exact key it shares, else {@link #LIKELY}. */
    static List<String> reasons(List<Evidence> evidence) {
        List<String> reasons = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.exact()) {
                reasons.add(KIND + "." + e.code());
            }
        }
        return reasons.isEmpty() ? List.of(LIKELY) : reasons;
    }

    /** One finding per contact and reason, with the best score of its pairs of that reason. */
    private static void finding(Map<String, Found> findings, UUID contact, String reason, int score) {
        findings.merge(
                contact + reason,
                new Found(contact, KIND, reason, Map.of("score", score)),
                (old, fresh) -> (int) old.detail().get("score") >= score ? old : fresh);
    }

    /**
     * The cluster of each contact in a pair: the connected components of the pairs (union-find), each
     * named by its first contact in the database's order.
     */
    static Map<UUID, UUID> clusters(Set<Key> keys) {
        Map<UUID, UUID> parent = new HashMap<>();
        for (Key key : keys) {
            UUID a = root(parent, key.a());
            UUID b = root(parent, key.b());
            if (!a.equals(b)) {
                if (Key.ORDER.compare(a, b) < 0) {
                    parent.put(b, a);
                } else {
                    parent.put(a, b);
                }
            }
        }
        Map<UUID, UUID> cluster = new HashMap<>();
        for (UUID contact : parent.keySet()) {
            cluster.put(contact, root(parent, contact));
        }
        return cluster;
    }

    private static UUID root(Map<UUID, UUID> parent, UUID contact) {
        UUID root = parent.computeIfAbsent(contact, c -> c);
        while (!root.equals(parent.get(root))) {
            root = parent.get(root);
        }
        UUID at = contact;
        while (!at.equals(root)) {
            UUID next = parent.get(at);
            parent.put(at, root);
            at = next;
        }
        return root;
    }
}
