-- Tasks (issue 24): V64's trigger on task_assignee read the task again on every update of an
-- assignee row, the ones task_open_due_refresh makes too (it sets open_due_at, then this trigger
-- set it over with the same value). An assignee row's due time only depends on which task it
-- belongs to, so the trigger now fires when a row is inserted or moved to another task.
DROP TRIGGER task_assignee_open_due_set ON task_assignee;

CREATE TRIGGER task_assignee_open_due_set BEFORE INSERT OR UPDATE OF org_id, task_id ON task_assignee
    FOR EACH ROW EXECUTE FUNCTION task_assignee_open_due_set();
