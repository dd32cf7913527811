-- The change feed (issue 22): one row per change of a contact, a conversation, a push or a task,
-- written in the transaction of the change. Readers take rows in (tx, seq) order, and only those of
-- transactions older than every transaction still running (tx < pg_snapshot_xmin(pg_current_snapshot())),
-- so that a transaction that began earlier but commits later can never land behind a cursor already read.
-- data is small: the names of the fields that changed, the record's name, ids; never personal data in full.
CREATE TABLE integration_change (
    org_id        uuid NOT NULL,
    tx            xid8 NOT NULL DEFAULT pg_current_xact_id(),
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    type          text NOT NULL CHECK (length(type) <= 64),
    resource_type text NOT NULL CHECK (length(resource_type) <= 32),
    resource_id   uuid NOT NULL,
    contact_id    uuid,
    actor_id      uuid,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    data          jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (org_id, tx, seq)
);
-- A purged contact's name is taken out of its earlier changes.
CREATE INDEX integration_change_by_contact ON integration_change (org_id, contact_id) WHERE contact_id IS NOT NULL;
