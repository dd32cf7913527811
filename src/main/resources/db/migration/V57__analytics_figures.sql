-- Analytics (issue 24): figures kept from events as they happen, by day in the organization's time
-- zone, so that no page view scans history. Every row can be recomputed from the source tables (the
-- rebuild command does, and must find the same rows); a row whose figure falls to zero is deleted.

-- One figure of one member on one day: who it counts for is the metric's rule (analytics.Metric),
-- such as a follow-up's author or a contact's current owner. Visibility is access's figuresOf over
-- member_id; a department's figure sums its members'.
CREATE TABLE analytics_member_day (
    org_id     uuid NOT NULL,
    metric     text NOT NULL CHECK (length(metric) BETWEEN 1 AND 40),
    day        date NOT NULL,
    member_id  uuid NOT NULL,
    value      bigint NOT NULL CHECK (value > 0),
    PRIMARY KEY (org_id, metric, day, member_id)
);
CREATE INDEX analytics_member_day_by_member ON analytics_member_day (org_id, member_id, metric, day) INCLUDE (value);

-- What happened with one contact on one day: whether it was created, follow-ups recorded about it,
-- messages its guests posted and members' messages in the external groups it is linked to. The
-- contact's current owner is copied in (kept when it changes), so that figures by member, department
-- and tag, active contacts over a week or a month and the contact page's engagement read only these
-- rows. Active on a day: follow_ups + messages_in + messages_out > 0.
CREATE TABLE analytics_contact_day (
    org_id        uuid NOT NULL,
    contact_id    uuid NOT NULL,
    day           date NOT NULL,
    owner_id      uuid NOT NULL,
    created       boolean NOT NULL DEFAULT false,
    follow_ups    int NOT NULL DEFAULT 0 CHECK (follow_ups >= 0),
    messages_in   int NOT NULL DEFAULT 0 CHECK (messages_in >= 0),
    messages_out  int NOT NULL DEFAULT 0 CHECK (messages_out >= 0),
    PRIMARY KEY (org_id, contact_id, day),
    CHECK (created OR follow_ups + messages_in + messages_out > 0)
);
CREATE INDEX analytics_contact_day_by_owner ON analytics_contact_day (org_id, owner_id, day)
    INCLUDE (contact_id, created, follow_ups, messages_in, messages_out);

-- A guest's question in an external group (a guest message after which no member had answered yet)
-- and its first answer by a member, if any: reply rate and median first-reply time read these rows.
-- owner_id is the group's current owner, whom the figure counts for.
CREATE TABLE analytics_reply (
    org_id           uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    question_id      uuid NOT NULL,
    day              date NOT NULL,
    owner_id         uuid NOT NULL,
    contact_id       uuid,
    asked_at         timestamptz NOT NULL,
    answered_at      timestamptz,
    answered_by      uuid,
    PRIMARY KEY (org_id, conversation_id, question_id),
    CHECK ((answered_at IS NULL) = (answered_by IS NULL)),
    CHECK (answered_at IS NULL OR answered_at >= asked_at)
);
CREATE INDEX analytics_reply_by_day ON analytics_reply (org_id, day, owner_id);
