-- A task's reminders (issue 21): how long before its due time each assignee is reminded, in seconds
-- (0 = at the due time); at most five, none more than 30 days ahead. The reminders themselves, one per
-- assignee and offset, are planned from these whenever the task's due time, assignees or state change.
ALTER TABLE task ADD COLUMN reminders int[] NOT NULL DEFAULT '{}'
    CHECK (cardinality(reminders) <= 5 AND 0 <= ALL (reminders) AND 2592000 >= ALL (reminders));
ALTER TABLE task ADD CONSTRAINT task_reminders_need_due CHECK (cardinality(reminders) = 0 OR due_at IS NOT NULL);

