-- Tasks (issue 24): a member's open tasks by due time, read from the assignee index alone. The
-- workbench's overdue and due-today lists and the navigation's overdue count found the member's task
-- ids first, then every one of those tasks to keep the open ones by due time: 24,481 tasks for the
-- demo's busiest manager at 10^6 contacts (84 and 50 ms a list, 9 ms a count, on every page for the
-- count). The due time of an open task is kept on each of its assignee rows, null once it is done or
-- cancelled, by triggers (whatever writes a task or its assignees: the API, hand-overs, the demo).
ALTER TABLE task_assignee ADD COLUMN open_due_at timestamptz;

UPDATE task_assignee a
   SET open_due_at = t.due_at
  FROM task t
 WHERE t.org_id = a.org_id AND t.id = a.task_id AND t.status = 'open' AND t.due_at IS NOT NULL;

CREATE INDEX task_assignee_open_due ON task_assignee (org_id, member_id, open_due_at, task_id)
    WHERE open_due_at IS NOT NULL;

CREATE FUNCTION task_assignee_open_due_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.open_due_at := (SELECT t.due_at FROM task t
                         WHERE t.org_id = NEW.org_id AND t.id = NEW.task_id AND t.status = 'open');
    RETURN NEW;
END $$;

CREATE TRIGGER task_assignee_open_due_set BEFORE INSERT OR UPDATE ON task_assignee
    FOR EACH ROW EXECUTE FUNCTION task_assignee_open_due_set();

CREATE FUNCTION task_open_due_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE task_assignee a
       SET open_due_at = CASE WHEN NEW.status = 'open' THEN NEW.due_at END
     WHERE a.org_id = NEW.org_id AND a.task_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER task_open_due_refresh AFTER UPDATE OF status, due_at ON task
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.due_at IS DISTINCT FROM NEW.due_at)
    EXECUTE FUNCTION task_open_due_refresh();
