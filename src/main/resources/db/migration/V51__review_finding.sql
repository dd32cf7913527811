-- Review findings (issue 23): what the review found wrong with a contact, each with its reason. A
-- finding is open while the review keeps finding it (resolved_at null) and resolved when a later run no
-- longer does, so the history of open findings gives the dashboard's trend without snapshots. kind is
-- stale, invalid, incomplete or duplicate; reason a message code under review.reason.* (for example
-- invalid.mobile) and detail its arguments (days, field key, address, the other contact, a score).
-- Each run replaces the open findings of the kinds and reasons it computes, nothing else.
CREATE TABLE review_finding (
    org_id       uuid NOT NULL REFERENCES organization (id),
    id           uuid NOT NULL,
    contact_id   uuid NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('stale', 'invalid', 'incomplete', 'duplicate')),
    reason       text NOT NULL CHECK (reason ~ '^[a-z]+(\.[a-z-]+)*$' AND length(reason) <= 60),
    detail       jsonb NOT NULL DEFAULT '{}' CHECK (length(detail::text) <= 4000),
    found_at     timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX review_finding_open ON review_finding (org_id, contact_id, kind, reason) WHERE resolved_at IS NULL;
CREATE INDEX review_finding_by_kind ON review_finding (org_id, kind, found_at DESC, id DESC) WHERE resolved_at IS NULL;
CREATE INDEX review_finding_history ON review_finding (org_id, found_at, resolved_at);
