-- Review findings (issue 23, part findings): how many days without recorded contact make a contact
-- with a tag stale (a contact with several such tags takes the shortest; one with none the setting
-- liaison.review.stale-days), and when each organization's latest check finished or was asked for.
CREATE TABLE review_stale_rule (
    org_id  uuid NOT NULL,
    tag_id  uuid NOT NULL,
    days    int NOT NULL CHECK (days BETWEEN 1 AND 3650),
    PRIMARY KEY (org_id, tag_id),
    FOREIGN KEY (org_id, tag_id) REFERENCES tag (org_id, id) ON DELETE CASCADE
);

-- One row per organization: requested_at is the latest "check now" (by whom), finished_at the end of
-- the latest run, nightly or asked for.
CREATE TABLE review_check (
    org_id        uuid NOT NULL REFERENCES organization (id),
    requested_at  timestamptz,
    requested_by  uuid,
    finished_at   timestamptz,
    PRIMARY KEY (org_id),
    FOREIGN KEY (org_id, requested_by) REFERENCES member (org_id, id)
);
