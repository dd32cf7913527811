-- The notification centre (module notify). A notification's title and body are stored as message
-- codes with their arguments (StoredMessages' JSON), so that each reader sees them in the language
-- they read in when they read them. A member keeps their newest 1,000 notifications: raising one
-- deletes those past that, read or not (NotificationRepository.KEEP).
CREATE TABLE notification (
    org_id      uuid NOT NULL,
    id          uuid NOT NULL,
    member_id   uuid NOT NULL,
    kind        text NOT NULL CHECK (length(kind) BETWEEN 1 AND 100),
    title       text NOT NULL,
    body        text NOT NULL,
    link        text CHECK (length(link) <= 2000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);
CREATE INDEX notification_by_member ON notification (org_id, member_id, id DESC);
CREATE INDEX notification_unread ON notification (org_id, member_id, id DESC) WHERE read_at IS NULL;

-- Where a member wants each kind to go; a kind without a row goes where its module says by default.
-- channel_id is one of the member's own robots (module channel's table, not referenced here, so that
-- deleting a channel never waits for notify: a preference naming a channel that is gone is ignored).
CREATE TABLE notification_preference (
    org_id      uuid NOT NULL,
    member_id   uuid NOT NULL,
    kind        text NOT NULL CHECK (length(kind) BETWEEN 1 AND 100),
    in_app      boolean NOT NULL,
    email       boolean NOT NULL,
    channel_id  uuid,
    PRIMARY KEY (org_id, member_id, kind),
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);

-- A member's quiet hours, in their own time zone: non-urgent deliveries beyond the bell wait for
-- their end. starts = ends is refused; starts > ends spans midnight (22:00 to 08:00).
CREATE TABLE notification_quiet_hours (
    org_id      uuid NOT NULL,
    member_id   uuid NOT NULL,
    starts      time NOT NULL,
    ends        time NOT NULL CHECK (ends <> starts),
    PRIMARY KEY (org_id, member_id),
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);
