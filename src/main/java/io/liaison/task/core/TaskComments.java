package io.liaison.task.core;

import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Comments on a task: whoever sees the task reads and writes them; at most {@value #MAX_COMMENTS} a task. */
@Service
public class TaskComments {

    public static final int MAX_BODY = 4_000;
    public static final int MAX_COMMENTS = 1_000;

    private final TaskService tasks;
    private final TaskCommentRepository comments;

    TaskComments(TaskService tasks, TaskCommentRepository comments) {
        this.tasks = tasks;
        this.comments = comments;
    }

    /** The task's comments, oldest first, after the cursor's. */
    @Transactional(readOnly = true)
    public CursorPage<TaskComment> list(Actor actor, UUID taskId, @Nullable String cursor, int limit) {
        tasks.find(actor, taskId);
        return CursorPage.of(
                comments.page(actor.orgId(), taskId, CursorPage.decode(cursor), limit + 1), limit, TaskComment::id);
    }

    @Transactional
    public TaskComment add(Actor actor, UUID taskId, @Nullable String body) {
        Task task = tasks.find(actor, taskId);
        String text = TaskChecks.text("body", body, MAX_BODY);
        if (comments.count(actor.orgId(), task.id()) >= MAX_COMMENTS) {
            throw LiaisonException.invalid("body", "invalid.task-comments-full", MAX_COMMENTS);
        }
        UUID id = Ids.newId();
        comments.insert(actor.orgId(), task.id(), id, actor.memberId(), text);
        return comments.find(actor.orgId(), task.id(), id);
    }
}
