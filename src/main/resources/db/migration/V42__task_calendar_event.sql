-- Calendar events (issue 21): meetings, visits and calls with members and contacts attending, in a
-- time zone of their own, with reminders before the start. uid and sequence are the event's iCalendar
-- identity: invitations and feeds name it by uid, and every change an invitee should see raises the
-- sequence (RFC 5546). A cancelled event keeps its row, so that its CANCEL goes out with the same uid.
-- touched_at is when its end was written to its contacts' last-contacted time (issue 21: a finished
-- event resets the stay-in-touch clock). Every table is keyed by org_id first (docs/SCALING.md).
CREATE TABLE calendar_event (
    org_id        uuid NOT NULL REFERENCES organization (id),
    id            uuid NOT NULL,
    uid           text NOT NULL CHECK (length(uid) BETWEEN 1 AND 255),
    sequence      int NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   text CHECK (length(description) <= 10000),
    kind          text NOT NULL DEFAULT 'meeting' CHECK (kind IN ('meeting', 'visit', 'call')),
    start_at      timestamptz NOT NULL,
    end_at        timestamptz NOT NULL,
    time_zone     text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    all_day       boolean NOT NULL DEFAULT false,
    place         text CHECK (length(place) <= 500),
    link          text CHECK (length(link) <= 2000 AND link ~* '^https?://'),
    status        text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled')),
    reminders     text[] NOT NULL DEFAULT '{}' CHECK (cardinality(reminders) <= 5),
    created_by    uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    touched_at    timestamptz,
    version       int NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, uid),
    FOREIGN KEY (org_id, created_by) REFERENCES member (org_id, id),
    CHECK (end_at > start_at)
);
-- A calendar's range query; the events whose end has not yet touched their contacts.
CREATE INDEX calendar_event_by_start ON calendar_event (org_id, start_at);
CREATE INDEX calendar_event_untouched ON calendar_event (end_at) WHERE status = 'confirmed' AND touched_at IS NULL;

CREATE TABLE calendar_event_member (
    org_id     uuid NOT NULL,
    event_id   uuid NOT NULL,
    member_id  uuid NOT NULL,
    PRIMARY KEY (org_id, event_id, member_id),
    FOREIGN KEY (org_id, event_id) REFERENCES calendar_event (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);
CREATE INDEX calendar_event_member_by_member ON calendar_event_member (org_id, member_id, event_id);

CREATE TABLE calendar_event_contact (
    org_id      uuid NOT NULL,
    event_id    uuid NOT NULL,
    contact_id  uuid NOT NULL,
    PRIMARY KEY (org_id, event_id, contact_id),
    FOREIGN KEY (org_id, event_id) REFERENCES calendar_event (org_id, id) ON DELETE CASCADE
);
CREATE INDEX calendar_event_contact_by_contact ON calendar_event_contact (org_id, contact_id, event_id);

-- A member's private calendar feed: the token is shown once and kept as its SHA-256 (hex); reads
-- counts the reads of the current minute (read_minute), which the feed caps. The hash is unique with
-- its organization (docs/SCALING.md), and looked up by hash before any organization is known.
CREATE TABLE calendar_feed (
    org_id       uuid NOT NULL REFERENCES organization (id),
    member_id    uuid NOT NULL,
    token_hash   text NOT NULL CHECK (length(token_hash) = 64),
    created_at   timestamptz NOT NULL DEFAULT now(),
    read_minute  timestamptz,
    reads        int NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, member_id),
    UNIQUE (token_hash, org_id),
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);
