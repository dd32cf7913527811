-- Tasks (issue 21): a promise made to a customer or a piece of work, assigned to members, linked to
-- contacts and customer groups, with a checklist and comments. A recurring task (an RRULE subset) is a
-- series: completing one occurrence opens the next with the same series_id. Every table is keyed by
-- org_id first (docs/SCALING.md). Contacts and conversations are other modules' rows: a purged contact
-- or dissolved group leaves its links through events, not foreign keys.
CREATE TABLE task (
    org_id        uuid NOT NULL REFERENCES organization (id),
    id            uuid NOT NULL,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   text CHECK (length(description) <= 10000),
    priority      text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    due_at        timestamptz,
    time_zone     text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    recurrence    text CHECK (length(recurrence) <= 200),
    series_id     uuid,
    created_by    uuid NOT NULL,
    completed_by  uuid,
    completed_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       int NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES member (org_id, id),
    CHECK ((status = 'done') = (completed_at IS NOT NULL)),
    CHECK (recurrence IS NULL OR due_at IS NOT NULL)
);
-- A member's open tasks by due time; everything a member made, newest first.
CREATE INDEX task_open_due ON task (org_id, due_at) WHERE status = 'open';
CREATE INDEX task_by_creator ON task (org_id, created_by, id DESC);

CREATE TABLE task_assignee (
    org_id     uuid NOT NULL,
    task_id    uuid NOT NULL,
    member_id  uuid NOT NULL,
    PRIMARY KEY (org_id, task_id, member_id),
    FOREIGN KEY (org_id, task_id) REFERENCES task (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, member_id) REFERENCES member (org_id, id)
);
CREATE INDEX task_assignee_by_member ON task_assignee (org_id, member_id, task_id);

CREATE TABLE task_contact (
    org_id      uuid NOT NULL,
    task_id     uuid NOT NULL,
    contact_id  uuid NOT NULL,
    PRIMARY KEY (org_id, task_id, contact_id),
    FOREIGN KEY (org_id, task_id) REFERENCES task (org_id, id) ON DELETE CASCADE
);
CREATE INDEX task_contact_by_contact ON task_contact (org_id, contact_id, task_id);

CREATE TABLE task_conversation (
    org_id           uuid NOT NULL,
    task_id          uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    PRIMARY KEY (org_id, task_id, conversation_id),
    FOREIGN KEY (org_id, task_id) REFERENCES task (org_id, id) ON DELETE CASCADE
);
CREATE INDEX task_conversation_by_conversation ON task_conversation (org_id, conversation_id, task_id);

-- A checklist item, in its position; at most 100 a task (checked by the service).
CREATE TABLE task_check_item (
    org_id    uuid NOT NULL,
    task_id   uuid NOT NULL,
    position  int NOT NULL CHECK (position BETWEEN 0 AND 99),
    text      text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    done      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (org_id, task_id, position),
    FOREIGN KEY (org_id, task_id) REFERENCES task (org_id, id) ON DELETE CASCADE
);

CREATE TABLE task_comment (
    org_id      uuid NOT NULL,
    task_id     uuid NOT NULL,
    id          uuid NOT NULL,
    author_id   uuid NOT NULL,
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, task_id, id),
    FOREIGN KEY (org_id, task_id) REFERENCES task (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, author_id) REFERENCES member (org_id, id)
);
