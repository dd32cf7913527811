package io.liaison.task.api;

import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.liaison.task.event.CalendarEvent;
import io.liaison.task.event.EventDraft;
import io.liaison.task.event.EventService;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendar events (meetings, visits, calls): anyone plans them with members and the contacts they
 * see; each reader sees those they made or attend, those of contacts they see, and with {@code
 * task.manage} those of the members in their data scope. A range reads at most 92 days and 500
 * events. DELETE calls an event off: it stays readable as cancelled, and its contacts get a CANCEL.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
    }

    @KnownFieldsOnly
    @Schema(
            example = "{\"title\":\"拜访华东客户\",\"kind\":\"visit\",\"startAt\":\"2026-12-08T02:00:00Z\","
                    + "\"endAt\":\"2026-12-08T03:30:00Z\",\"timeZone\":\"Asia/Shanghai\",\"place\":\"上海市南京路1号\","
                    + "\"reminders\":[\"PT15M\",\"P1D\"]}")
    record EventRequest(
            @Schema(maxLength = 200, example = "拜访华东客户") @Nullable
            String title,

            @Schema(maxLength = 10_000, example = "带上样品和报价单") @Nullable
            String description,

            @Schema(allowableValues = {"meeting", "visit", "call"}) @Nullable
            String kind,

            @Nullable Instant startAt,
            @Nullable Instant endAt,

            @Schema(
                    description = "The event's zone; the maker's when left out",
                    maxLength = 64,
                    example = "Asia/Shanghai")
            @Nullable
            String timeZone,

            @Nullable Boolean allDay,

            @Schema(maxLength = 500, example = "上海市南京路1号") @Nullable
            String place,

            @Schema(
                    description = "An http or https address",
                    maxLength = 2000,
                    example = "https://meet.example.com/abc")
            @Nullable
            String link,

            @ArraySchema(
                    maxItems = 20,
                    arraySchema = @Schema(description = "Attending members; the maker alone when left out"))
            @Nullable
            List<UUID> memberIds,

            @ArraySchema(maxItems = 50) @Nullable List<UUID> contactIds,

            @ArraySchema(
                    maxItems = 5,
                    arraySchema = @Schema(description = "ISO 8601 durations before the start, at most 28 days"),
                    schema = @Schema(maxLength = 20, example = "PT15M"))
            @Nullable
            List<String> reminders) {}

    @KnownFieldsOnly
    @Schema(description = "A change to an event (JSON Merge Patch): a field left out stays, null clears it.")
    record EventPatch(
            @Schema(maxLength = 200, example = "拜访华东客户") Patch<String> title,
            @Schema(maxLength = 10_000, example = "带上样品") Patch<@Nullable String> description,

            @Schema(allowableValues = {"meeting", "visit", "call"})
            Patch<String> kind,

            Patch<Instant> startAt,
            Patch<Instant> endAt,

            @Schema(maxLength = 64, example = "Asia/Shanghai")
            Patch<String> timeZone,

            Patch<Boolean> allDay,
            @Schema(maxLength = 500, example = "上海市南京路1号") Patch<@Nullable String> place,

            @Schema(maxLength = 2000, example = "https://meet.example.com/abc")
            Patch<@Nullable String> link,

            @ArraySchema(maxItems = 20) Patch<@Nullable List<UUID>> memberIds,
            @ArraySchema(maxItems = 50) Patch<@Nullable List<UUID>> contactIds,

            @ArraySchema(maxItems = 5, schema = @Schema(maxLength = 20, example = "PT15M"))
            Patch<@Nullable List<String>> reminders) {}

    @GetMapping
    CursorPage<CalendarEvent> list(Actor actor, @RequestParam Instant from, @RequestParam Instant to) {
        return new CursorPage<>(events.between(actor, from, to), null);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CalendarEvent> create(Actor actor, @RequestBody EventRequest request) {
        CalendarEvent event = events.create(
                actor,
                new EventDraft(
                        request.title() == null ? "" : request.title(),
                        request.description(),
                        request.kind(),
                        request.startAt(),
                        request.endAt(),
                        request.timeZone(),
                        Boolean.TRUE.equals(request.allDay()),
                        request.place(),
                        request.link(),
                        Objects.requireNonNullElse(request.memberIds(), List.of()),
                        Objects.requireNonNullElse(request.contactIds(), List.of()),
                        Objects.requireNonNullElse(request.reminders(), List.of())));
        return ETags.created("/api/v1/events/" + event.id(), event, event.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<CalendarEvent> get(Actor actor, @PathVariable UUID id) {
        CalendarEvent event = events.get(actor, id);
        return ETags.ok(event, event.version());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<CalendarEvent> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody EventPatch body) {
        CalendarEvent event = events.update(actor, id, draft -> patched(draft, body), ETags.expected(ifMatch));
        return ETags.ok(event, event.version());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> cancel(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        events.cancel(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }

    private static EventDraft patched(EventDraft d, EventPatch p) {
        return new EventDraft(
                or(p.title(), d.title(), t -> t == null ? "" : t),
                or(p.description(), d.description(), t -> t),
                or(p.kind(), d.kind(), t -> t),
                or(p.startAt(), d.startAt(), t -> t),
                or(p.endAt(), d.endAt(), t -> t),
                or(p.timeZone(), d.timeZone(), t -> t),
                or(p.allDay(), d.allDay(), Boolean.TRUE::equals),
                or(p.place(), d.place(), t -> t),
                or(p.link(), d.link(), t -> t),
                or(p.memberIds(), d.memberIds(), l -> l == null ? List.of() : l),
                or(p.contactIds(), d.contactIds(), l -> l == null ? List.of() : l),
                or(p.reminders(), d.reminders(), l -> l == null ? List.of() : l));
    }

    /** The patch's value (through {@code read}, which also says what {@code null} clears to) or the current one. */
    private static <T, R> R or(@Nullable Patch<T> patch, R current, Function<@Nullable T, R> read) {
        return patch == null || !patch.present() ? current : read.apply(patch.value());
    }
}
