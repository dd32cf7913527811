-- Mass push (issue 20): an organization's push settings, reusable templates, pushes, one row per
-- recipient reached (a contact by e-mail, a customer group in the chat, a robot or webhook), and
-- the contacts who opted out. Every table is keyed by org_id first (docs/SCALING.md).

-- The organization's choices: frequency caps per contact (0: none), the audience size from which a
-- push waits for approval (null: never), quiet hours in the organization's time zone (both or none),
-- and the largest audience of one push.
CREATE TABLE push_settings (
    org_id          uuid PRIMARY KEY REFERENCES organization (id),
    per_day         int NOT NULL DEFAULT 1 CHECK (per_day BETWEEN 0 AND 100),
    per_month       int NOT NULL DEFAULT 4 CHECK (per_month BETWEEN 0 AND 1000),
    approval_over   int CHECK (approval_over >= 0),
    quiet_start     time,
    quiet_end       time,
    max_recipients  int NOT NULL DEFAULT 1000000 CHECK (max_recipients BETWEEN 1 AND 10000000),
    version         int NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);

CREATE TABLE push_template (
    org_id      uuid NOT NULL REFERENCES organization (id),
    id          uuid NOT NULL,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    subject     text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    created_by  uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     int NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES member (org_id, id)
);
CREATE UNIQUE INDEX push_template_name ON push_template (org_id, lower(name));

-- A push: its audience as it was asked for (a contact filter and / or contact ids, by e-mail; customer
-- groups, in their chat; robots and webhooks, once each), its content (copied from the template, which
-- may change later), and where it is: awaiting approval, scheduled, sending, done or cancelled.
CREATE TABLE push (
    org_id            uuid NOT NULL REFERENCES organization (id),
    id                uuid NOT NULL,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_by        uuid NOT NULL,
    template_id       uuid,
    subject           text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body              text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    contact_filter    jsonb,
    contact_ids       uuid[] NOT NULL DEFAULT '{}',
    conversation_ids  uuid[] NOT NULL DEFAULT '{}',
    channel_ids       uuid[] NOT NULL DEFAULT '{}',
    state             text NOT NULL
                      CHECK (state IN ('awaiting_approval', 'scheduled', 'sending', 'done', 'cancelled')),
    scheduled_at      timestamptz,
    audience_size     int NOT NULL DEFAULT 0,
    approved_by       uuid,
    approved_at       timestamptz,
    cancelled_by      uuid,
    cancelled_at      timestamptz,
    started_at        timestamptz,
    finished_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    version           int NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES member (org_id, id),
    CHECK (cardinality(contact_ids) <= 10000 AND cardinality(conversation_ids) <= 500
           AND cardinality(channel_ids) <= 20)
);
CREATE INDEX push_recent ON push (org_id, created_at DESC);

-- One recipient of a push and what became of it: queued, sending (its deliveries written), sent,
-- delivered (where a channel reports it), failed or skipped, with the reason when not sent.
CREATE TABLE push_recipient (
    org_id           uuid NOT NULL,
    push_id          uuid NOT NULL,
    id               uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('contact', 'conversation', 'channel')),
    contact_id       uuid,
    conversation_id  uuid,
    channel_id       uuid,
    address          text CHECK (length(address) <= 320),
    state            text NOT NULL
                     CHECK (state IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'skipped')),
    reason           text CHECK (length(reason) <= 1000),
    delivery_id      uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    ended_at         timestamptz,
    PRIMARY KEY (org_id, push_id, id),
    FOREIGN KEY (org_id, push_id) REFERENCES push (org_id, id),
    CHECK ((kind = 'contact') = (contact_id IS NOT NULL)),
    CHECK ((kind = 'conversation') = (conversation_id IS NOT NULL)),
    CHECK ((kind = 'channel') = (channel_id IS NOT NULL))
);
-- The rows a sender takes next, in order; the counts per state; a contact's recent pushes (the caps).
CREATE INDEX push_recipient_queued ON push_recipient (org_id, push_id, id) WHERE state = 'queued';
CREATE INDEX push_recipient_state ON push_recipient (org_id, push_id, state);
CREATE INDEX push_recipient_by_contact ON push_recipient (org_id, contact_id, created_at)
    WHERE contact_id IS NOT NULL AND state IN ('queued', 'sending', 'sent', 'delivered');
CREATE INDEX push_recipient_by_delivery ON push_recipient (org_id, delivery_id) WHERE delivery_id IS NOT NULL;

-- A contact who does not want pushes, until they opt in again (the row is then removed).
CREATE TABLE push_opt_out (
    org_id        uuid NOT NULL REFERENCES organization (id),
    contact_id    uuid NOT NULL,
    opted_out_at  timestamptz NOT NULL DEFAULT now(),
    via           text NOT NULL CHECK (via IN ('link', 'member')),
    recorded_by   uuid,
    PRIMARY KEY (org_id, contact_id)
);
