package io.liaison.task.web;

import io.liaison.task.core.Task;
import java.util.List;
import java.util.UUID;

/**
 * A task as a page lists it: the task, its assignees' names, the contacts and groups the viewer sees
 * (with their ids for links), its due time in the viewer's words and zone, and whether the viewer
 * may change it (its maker, an assignee, a task manager).
 */
record TaskRow(
        Task task,
        List<String> assignees,
        List<Named> contacts,
        List<Named> conversations,
        Due due,
        boolean changeable) {

    /** Someone or something a task names, by id for links. */
    record Named(UUID id, String name) {}

    /**
     * When a task is due: {@code relative} such as "in 3 hours" or "2 days ago", {@code full} the date
     * and time; both empty without a due time. {@code overdue} when an open task is past it.
     */
    record Due(String relative, String full, boolean overdue) {

        static final Due NONE = new Due("", "", false);

        public boolean given() {
            return !full.isEmpty();
        }
    }

    public boolean done() {
        return task.status().equals("done");
    }
}
