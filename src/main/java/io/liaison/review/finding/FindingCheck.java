package io.liaison.review.finding;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One kind of review check, run per organization by the nightly job and by "check now": it computes
 * the findings of its reasons, which then replace the open ones of those reasons ({@link FindingStore#replace}).
 */
public interface FindingCheck {

    /** The reasons this check computes, such as {@code invalid.mobile}. */
    Set<String> reasons();

    /** The findings of the organization's live contacts now. */
    List<Found> run(UUID orgId);
}
