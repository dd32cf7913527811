package io.liaison.review.finding;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One kind of review check: the reasons it computes, and what it finds in one organization's live
 * contacts. The findings job runs every such bean per organization and gives its result to {@link
 * FindingStore#replace}, so a check replaces exactly the open findings of its own reasons. A reason's
 * sentence is the message {@code review.reason.<reason>}, whose arguments are the detail's values in
 * the order of their keys sorted alphabetically ({@code {0}} the first key's); a value that is an
 * ISO-8601 instant is shown as a date in the reader's time zone.
 */
public interface FindingCheck {
    Set<String> reasons();

    List<Found> run(UUID orgId);
}
