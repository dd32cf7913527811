package io.liaison.task.feed;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.LiaisonProperties;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskAgenda;
import io.liaison.task.event.CalendarEvent;
import io.liaison.task.event.EventIcs;
import io.liaison.task.event.EventService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each member's private calendar feed, which calendar programs subscribe to: a secret URL (the token
 * is shown once and kept as its SHA-256; making a new one or revoking it stops the old one at once)
 * whose iCalendar lists the member's events and the open tasks they see with a due time, from 90
 * days back to 365 ahead, at most {@value #MAX_ITEMS} of each. Tasks are VEVENTs (transparent, a
 * quarter of an hour at their due time): subscribed calendars in Google and Apple Calendar show
 * VEVENTs only and leave VTODOs out. A feed read more than {@value #MAX_READS_PER_MINUTE} times in a
 * minute answers "busy" until the next minute, so that a leaked or misconfigured URL costs little.
 */
@Service
public class CalendarFeeds {

    public static final int MAX_ITEMS = 1_000;
    public static final int MAX_READS_PER_MINUTE = 30;
    static final Duration BACK = Duration.ofDays(90);
    static final Duration AHEAD = Duration.ofDays(365);
    static final Duration TASK_LENGTH = Duration.ofMinutes(15);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FeedRepository feeds;
    private final MemberService members;
    private final OrganizationService organizations;
    private final EventService events;
    private final TaskAgenda tasks;
    private final MessageSource messages;
    private final String baseUrl;
    private final String host;

    CalendarFeeds(
            FeedRepository feeds,
            MemberService members,
            OrganizationService organizations,
            EventService events,
            TaskAgenda tasks,
            MessageSource messages,
            LiaisonProperties properties) {
        this.feeds = feeds;
        this.members = members;
        this.organizations = organizations;
        this.events = events;
        this.tasks = tasks;
        this.messages = messages;
        this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
        String base = URI.create(baseUrl).getHost();
        this.host = base == null ? "localhost" : base;
    }

    /** Makes the actor's feed, or a new URL for it: the URL, shown this once. */
    @Transactional
    public String create(Actor actor) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        feeds.replace(actor.orgId(), actor.memberId(), hash(token));
        return baseUrl + "/ics/" + token + ".ics";
    }

    /** Revokes the actor's feed; its URL answers 404 from now on. */
    @Transactional
    public void revoke(Actor actor) {
        feeds.delete(actor.orgId(), actor.memberId());
    }

    @Transactional(readOnly = true)
    public boolean exists(Actor actor) {
        return feeds.exists(actor.orgId(), actor.memberId());
    }

    /** What a read of the feed with {@code token} answers. */
    public sealed interface Answer {
        /** The feed's iCalendar text. */
        record Found(String ics) implements Answer {}

        /** No such feed (never made, revoked, replaced, or its member gone). */
        record Unknown() implements Answer {}

        /** Read too often this minute. */
        record Busy() implements Answer {}
    }

    @Transactional
    public Answer read(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return new Answer.Unknown();
        }
        Optional<FeedRepository.Read> read = feeds.read(hash(token));
        if (read.isEmpty()) {
            return new Answer.Unknown();
        }
        if (read.get().reads() > MAX_READS_PER_MINUTE) {
            return new Answer.Busy();
        }
        Optional<Actor> member = members.actor(read.get().orgId(), read.get().memberId());
        return member.<Answer>map(actor -> new Answer.Found(render(actor))).orElseGet(Answer.Unknown::new);
    }

    private String render(Actor actor) {
        Instant now = Instant.now();
        List<CalendarEvent> planned = events.agenda(actor, now.minus(BACK), now.plus(AHEAD), MAX_ITEMS);
        List<Task> due = tasks.due(actor, now.minus(BACK), now.plus(AHEAD), MAX_ITEMS);
        Locale locale = Locale.forLanguageTag(
                actor.locale() != null
                        ? actor.locale()
                        : organizations.get(actor.orgId()).locale());
        Calendar calendar = EventIcs.calendar(null);
        calendar.add(new XProperty(
                "X-WR-CALNAME", messages.getMessage("calendar.feed.name", new Object[] {actor.displayName()}, locale)));
        calendar.add(new XProperty("X-WR-TIMEZONE", actor.timeZone().getId()));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        List<String> zones = new ArrayList<>();
        planned.forEach(e -> zones.add(e.timeZone()));
        due.forEach(t -> zones.add(t.timeZone()));
        EventIcs.addZones(calendar, zones);
        for (CalendarEvent event : planned) {
            calendar.add(EventIcs.event(event, now, baseUrl + "/calendar/events/" + event.id()));
        }
        for (Task task : due) {
            calendar.add(
                    task(task, messages.getMessage("calendar.feed.task", new Object[] {task.title()}, locale), now));
        }
        return calendar.toString();
    }

    private VEvent task(Task task, String summary, Instant stamp) {
        ZoneId zone = ZoneId.of(task.timeZone());
        Instant due = task.dueAt();
        VEvent vevent = new VEvent(due.atZone(zone), due.plus(TASK_LENGTH).atZone(zone), summary);
        vevent.replace(new DtStamp(stamp));
        vevent.add(new Uid("task-" + task.id() + "@" + host));
        vevent.add(ImmutableTransp.TRANSPARENT);
        vevent.add(new Url(URI.create(baseUrl + "/tasks/" + task.id())));
        if (task.description() != null) {
            vevent.add(new Description(task.description()));
        }
        return vevent;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
