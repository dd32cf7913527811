package io.liaison.integration;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.liaison.access.ContactPermissions;
import io.liaison.identity.Actor;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Starts exports of what a member may see, and hands out their files until they expire. */
@Service
public class ExportService {

    /** The most contacts an export may name by id. */
    public static final int MAX_CONTACT_IDS = 10_000;

    private final ExportJobRepository jobs;
    private final ExportRunner runner;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<String> task;

    ExportService(
            ExportJobRepository jobs,
            ExportRunner runner,
            ObjectProvider<SchedulerClient> scheduler,
            OneTimeTask<String> exportTask) {
        this.jobs = jobs;
        this.runner = runner;
        this.scheduler = scheduler;
        this.task = exportTask;
    }

    /** Checks the request and queues the export; needs {@code contact.export}. */
    public ExportJob start(Actor actor, Map<String, @Nullable Object> body) {
        if (!actor.can(ContactPermissions.EXPORT)) {
            throw LiaisonException.forbidden("forbidden.export-contacts");
        }
        ExportRequest request = ExportRequest.read(body);
        UUID id = Ids.newId();
        String language = actor.locale() == null ? "zh-CN" : actor.locale();
        jobs.insert(
                actor.orgId(),
                id,
                actor.memberId(),
                request.format(),
                new ExportJob.Settings(request.filter(), request.contactIds(), request.version(), language));
        schedule(id);
        return get(actor, id);
    }

    public ExportJob get(Actor actor, UUID id) {
        return jobs.find(actor.orgId(), actor.memberId(), id)
                .orElseThrow(() -> LiaisonException.notFound("export", id));
    }

    public List<ExportJob> recent(Actor actor) {
        return jobs.recent(actor.orgId(), actor.memberId(), 20);
    }

    /** The file of a completed export; 409 while it is being written, 410 once it has expired. */
    public Path file(Actor actor, UUID id) {
        ExportJob job = get(actor, id);
        if (job.status().equals("expired") || (job.status().equals("completed") && !Files.exists(runner.file(id)))) {
            throw new LiaisonException(HttpStatus.GONE, "export-expired", id);
        }
        if (!job.status().equals("completed")) {
            throw new LiaisonException(
                    HttpStatus.CONFLICT, "export-not-ready", Message.of("import.status." + job.status()));
        }
        return runner.file(id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void reschedule() {
        jobs.unfinished().forEach(this::schedule);
    }

    private void schedule(UUID id) {
        scheduler.ifAvailable(s -> s.scheduleIfNotExists(task.instance(id.toString(), id.toString()), Instant.now()));
    }
}
