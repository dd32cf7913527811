-- Opt-out (issue 20): what the contact's timeline shows of a contact's consent to pushes, each
-- opt-out and opt-in by the unsubscribe link or by a member, kept after an opt-in removes the
-- push_opt_out row; and the visits of the public unsubscribe page per client address and minute.

-- The id is a UUIDv7 whose time is the change's, as the timeline's ids are.
CREATE TABLE push_consent_change (
    org_id      uuid NOT NULL REFERENCES organization (id),
    id          uuid NOT NULL,
    contact_id  uuid NOT NULL,
    opted_out   boolean NOT NULL,
    via         text NOT NULL CHECK (via IN ('link', 'member')),
    actor_id    uuid,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    CHECK ((via = 'member') = (actor_id IS NOT NULL))
);
CREATE INDEX push_consent_change_contact ON push_consent_change (org_id, contact_id, id DESC);

-- The page needs no login, so a flood from one address is refused (429) per minute; rows older than
-- an hour are removed as new minutes begin.
CREATE TABLE push_unsubscribe_visit (
    client_address  text NOT NULL CHECK (length(client_address) <= 100),
    minute          timestamptz NOT NULL,
    visits          int NOT NULL,
    PRIMARY KEY (client_address, minute)
);
CREATE INDEX push_unsubscribe_visit_minute ON push_unsubscribe_visit (minute);
