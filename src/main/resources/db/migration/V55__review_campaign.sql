-- Review campaigns (issue 23): a manager or administrator asks the owners of the contacts that match a
-- filter of the contact list to go through them before a deadline. Starting one snapshots the matching
-- live contacts into items, one per contact, with the owner it had then (owner_id; the item follows the
-- contact's current owner, read from contact), in the order of owner and name (position). An item is
-- pending until someone confirms it, updates the contact, marks it invalid or moves it to the trash
-- (action, acted_by, acted_at). A campaign is open until its deadline passes or its starter closes it;
-- reminded_3d and reminded_1d note the reminders sent.
CREATE TABLE review_campaign (
    org_id       uuid NOT NULL REFERENCES organization (id),
    id           uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    note         text CHECK (length(note) <= 2000),
    filter       jsonb NOT NULL CHECK (length(filter::text) <= 8000),
    started_by   uuid NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    deadline     timestamptz NOT NULL,
    item_count   integer NOT NULL CHECK (item_count >= 0),
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_at    timestamptz,
    closed_by    uuid,
    reminded_3d  boolean NOT NULL DEFAULT false,
    reminded_1d  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, started_by) REFERENCES member (org_id, id),
    FOREIGN KEY (org_id, closed_by) REFERENCES member (org_id, id)
);
CREATE INDEX review_campaign_open ON review_campaign (deadline) WHERE status = 'open';
CREATE INDEX review_campaign_by_starter ON review_campaign (org_id, started_by, id DESC);

CREATE TABLE review_campaign_item (
    org_id       uuid NOT NULL,
    id           uuid NOT NULL,
    campaign_id  uuid NOT NULL,
    contact_id   uuid NOT NULL,
    owner_id     uuid NOT NULL,
    position     integer NOT NULL,
    action       text CHECK (action IN ('confirm', 'update', 'invalid', 'trash')),
    acted_by     uuid,
    acted_at     timestamptz,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, campaign_id, contact_id),
    UNIQUE (org_id, campaign_id, position),
    FOREIGN KEY (org_id, campaign_id) REFERENCES review_campaign (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, contact_id) REFERENCES contact (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, acted_by) REFERENCES member (org_id, id)
);
CREATE INDEX review_campaign_item_contact ON review_campaign_item (org_id, contact_id);
