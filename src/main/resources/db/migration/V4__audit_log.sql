-- The audit log: one row per change, written in the transaction of the change. Append-only: the
-- application never updates or deletes a row. No foreign keys, so that the log outlives what it names.
CREATE TABLE audit_event (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid,
    action      text NOT NULL,
    target_type text NOT NULL,
    target_id   uuid NOT NULL,
    before      jsonb NOT NULL DEFAULT '{}',
    after       jsonb NOT NULL DEFAULT '{}'
);
-- Newest first within an organization, with the id as tie-breaker for keyset pagination.
CREATE INDEX audit_event_by_time ON audit_event (org_id, at DESC, id DESC);
CREATE INDEX audit_event_by_target ON audit_event (org_id, target_id, at DESC, id DESC);
CREATE INDEX audit_event_by_actor ON audit_event (org_id, actor_id, at DESC, id DESC);
CREATE INDEX audit_event_by_action ON audit_event (org_id, action, at DESC, id DESC);
