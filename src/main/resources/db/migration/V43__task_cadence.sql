-- Stay-in-touch cadences (issue 21): a contact should hear from us every N days, set on the contact
-- itself or on a tag ("重要客户: every 14 days"); a contact's own cadence wins over its tags', else the
-- shortest of its tags' applies. The clock is the contact's last contact (its creation when never
-- contacted). Cadences go with their contact or tag (foreign keys, as both are deleted by a plain
-- DELETE: the trash's purge, a tag's deletion), so no cadence ever names a row that is gone.
CREATE TABLE cadence (
    org_id      uuid NOT NULL REFERENCES organization (id),
    id          uuid NOT NULL,
    contact_id  uuid,
    tag_id      uuid,
    every_days  int NOT NULL CHECK (every_days BETWEEN 1 AND 365),
    created_by  uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint NOT NULL DEFAULT 1,
    PRIMARY KEY (org_id, id),
    CHECK ((contact_id IS NULL) <> (tag_id IS NULL)),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, tag_id) REFERENCES tag (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, created_by) REFERENCES member (org_id, id)
);
CREATE UNIQUE INDEX cadence_of_contact ON cadence (org_id, contact_id) INCLUDE (every_days) WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX cadence_of_tag ON cadence (org_id, tag_id) INCLUDE (every_days) WHERE tag_id IS NOT NULL;

-- The last time a contact was brought up to its owner as due, with the clock it was due by (its last
-- contact, or its creation): a contact is brought up once per due period, and again only when a new
-- contact has moved its clock and the cadence has lapsed once more.
CREATE TABLE cadence_alert (
    org_id      uuid NOT NULL,
    contact_id  uuid NOT NULL,
    clock_at    timestamptz NOT NULL,
    raised_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, contact_id),
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE
);

-- The last contact that other modules witnessed (a chat message, an e-mail sent, a finished event),
-- which editing or deleting a follow-up must not take back: the last-contacted time is the later of
-- it and the latest follow-up. Nullable without a default, so adding it rewrites no row.
ALTER TABLE contact ADD COLUMN last_activity_at timestamptz;
