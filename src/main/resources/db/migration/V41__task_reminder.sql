-- Reminders (issue 21): a member is told about a task or an event at a given time, exactly once. A
-- reminder is planned by its subject (kind and id: a task, an event) and replaced whole when the
-- subject's times change; the rows already fired stay as the record of what was said. Firing sets
-- fired_at in the transaction that raises the notification, guarded by fired_at IS NULL, so that two
-- nodes, or a node restarted in the middle, never tell the member twice. A reminder whose subject no
-- longer applies (done, cancelled, gone, no longer visible to the member) is dropped with its reason.
CREATE TABLE task_reminder (
    org_id        uuid NOT NULL REFERENCES organization (id),
    id            uuid NOT NULL,
    subject_kind  text NOT NULL CHECK (length(subject_kind) BETWEEN 1 AND 32),
    subject_id    uuid NOT NULL,
    member_id     uuid NOT NULL,
    fire_at       timestamptz NOT NULL,
    fired_at      timestamptz,
    outcome       text CHECK (outcome IN ('notified', 'dropped', 'failed')),
    reason        text CHECK (length(reason) <= 200),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id),
    CHECK ((fired_at IS NULL) = (outcome IS NULL))
);
-- The workers' queue: the unfired reminders by time, claimed across organizations with SKIP LOCKED.
CREATE INDEX task_reminder_due ON task_reminder (fire_at) WHERE fired_at IS NULL;
-- A subject's unfired reminders, which replacing its plan deletes.
CREATE INDEX task_reminder_subject ON task_reminder (org_id, subject_kind, subject_id) WHERE fired_at IS NULL;
