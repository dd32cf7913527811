package io.liaison.review;

import io.liaison.identity.Actor;
import io.liaison.review.finding.FindingQueries;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the review found, for other modules' pages (the workbench): the open findings on the live
 * contacts a member sees, by kind.
 */
@Component
public class ReviewFindings {

    private final FindingQueries queries;

    ReviewFindings(FindingQueries queries) {
        this.queries = queries;
    }

    /** The open findings on contacts the actor sees, by kind: stale, invalid, incomplete, duplicate. */
    public Map<String, Long> openCounts(Actor actor) {
        return queries.openCounts(actor);
    }
}
