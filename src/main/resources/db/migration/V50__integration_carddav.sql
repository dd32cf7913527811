-- CardDAV (issue 22). App passwords are API tokens of scope carddav: they authenticate /dav only,
-- and an API token never does.
ALTER TABLE api_token ADD COLUMN scope text NOT NULL DEFAULT 'api' CHECK (scope IN ('api', 'carddav'));

-- A failed app password counts against the same login limits as a failed password.
ALTER TABLE login_attempt DROP CONSTRAINT login_attempt_channel_check;
ALTER TABLE login_attempt ADD CONSTRAINT login_attempt_channel_check
    CHECK (channel IN ('FORM', 'BASIC', 'GUEST', 'CARDDAV'));

-- The tags whose contacts every member's address book also holds (still only those the member sees).
CREATE TABLE dav_setting (
    org_id   uuid NOT NULL REFERENCES organization (id),
    tag_ids  uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(tag_ids) <= 20),
    PRIMARY KEY (org_id)
);

-- A member's address book: its sync sequence, and the oldest sequence a sync token may still name
-- (removed cards older than that are forgotten, so an older token cannot be answered).
CREATE TABLE dav_book (
    org_id     uuid NOT NULL,
    member_id  uuid NOT NULL,
    seq        bigint NOT NULL DEFAULT 0,
    floor_seq  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, member_id),
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id) ON DELETE CASCADE
);

-- The cards last served to a member, with the ETag each had and the sequence at which it changed or
-- left the book (removed: a tombstone, kept for a while so that sync-collection reports it).
CREATE TABLE dav_card (
    org_id       uuid NOT NULL,
    member_id    uuid NOT NULL,
    contact_id   uuid NOT NULL,
    etag         text NOT NULL,
    changed_seq  bigint NOT NULL,
    changed_at   timestamptz NOT NULL DEFAULT now(),
    removed      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (org_id, member_id, contact_id),
    FOREIGN KEY (org_id, member_id) REFERENCES dav_book (org_id, member_id) ON DELETE CASCADE
);
CREATE INDEX dav_card_by_seq ON dav_card (org_id, member_id, changed_seq);
