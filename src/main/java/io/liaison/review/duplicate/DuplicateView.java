package io.liaison.review.duplicate;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An open duplicate pair as a member sees it: both contacts (each visible to the member), the score,
 * whether an exact key matched, the evidence (numbers and addresses masked when the member sees
 * either contact's details masked), and the cluster the pair belongs to.
 */
public record DuplicateView(
        UUID id, int score, boolean exact, List<Evidence> evidence, UUID clusterKey, Side a, Side b) {

    /** The pair's main reason ({@code duplicate.mobile} ... {@code duplicate.likely}), as its findings name it. */
    public String reason() {
        return DuplicateDetection.reasons(evidence).get(0);
    }

    /** One contact of a pair: what the side-by-side summary shows. */
    public record Side(
            UUID id,
            String name,
            @Nullable String company,
            @Nullable String mobile,
            @Nullable String email,
            String ownerName) {}
}
