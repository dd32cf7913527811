-- Analytics (issue 24): what the figures are recomputed from when an event names the cells it
-- touched. Two more tables between the sources and analytics_member_day, kept and rebuilt like those
-- of V57, and indexes that bound each recomputation to one member's day, one contact or one group.

-- What happened in one external group on one day: guests' messages (in) and members' messages (out),
-- not recalled. owner_id is the group's current owner, copied in (kept when the owner changes): the
-- messages received and active groups of a member read these rows.
CREATE TABLE analytics_conversation_day (
    org_id           uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    day              date NOT NULL,
    owner_id         uuid NOT NULL,
    messages_in      int NOT NULL CHECK (messages_in >= 0),
    messages_out     int NOT NULL CHECK (messages_out >= 0),
    PRIMARY KEY (org_id, conversation_id, day),
    CHECK (messages_in + messages_out > 0)
);
CREATE INDEX analytics_conversation_day_by_owner ON analytics_conversation_day (org_id, owner_id, day)
    INCLUDE (messages_in);

-- A task done, once for each of its assignees, on the day it was completed; on_time when it had no due
-- time or was done by it. A reopened, cancelled or deleted task has no rows.
CREATE TABLE analytics_task_done (
    org_id     uuid NOT NULL,
    task_id    uuid NOT NULL,
    member_id  uuid NOT NULL,
    day        date NOT NULL,
    on_time    boolean NOT NULL,
    PRIMARY KEY (org_id, task_id, member_id)
);
CREATE INDEX analytics_task_done_by_member ON analytics_task_done (org_id, member_id, day) INCLUDE (on_time);

-- One member's follow-ups of a day, and one member's or guest's messages of a day.
CREATE INDEX follow_up_by_author ON follow_up (org_id, author_id, occurred_at) INCLUDE (type);
CREATE INDEX chat_message_by_author ON chat_message (org_id, author_id, created_at) WHERE recalled_at IS NULL;
-- Everyone's follow-ups of a day: when a contact is purged, its follow-ups leave their authors' days.
CREATE INDEX follow_up_by_time ON follow_up (org_id, occurred_at) INCLUDE (author_id, type);
-- The recipients a sender's pushes reached or failed on a day.
CREATE INDEX push_by_sender ON push (org_id, created_by);
CREATE INDEX push_recipient_ended ON push_recipient (org_id, push_id, ended_at) WHERE ended_at IS NOT NULL;
