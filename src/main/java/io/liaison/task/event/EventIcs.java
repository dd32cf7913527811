package io.liaison.task.event;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jspecify.annotations.Nullable;

/**
 * Calendar events as iCalendar (RFC 5545), built with ical4j: the invitations e-mailed to contacts
 * (iTIP, RFC 5546: {@code METHOD:REQUEST}, and {@code CANCEL} when called off, both with the event's
 * UID and its current SEQUENCE) and the events of a member's feed. Times are written in the event's
 * own zone with its VTIMEZONE, so that a calendar shows them right across daylight-saving changes;
 * an all-day event is written as dates.
 */
public final class EventIcs {

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private EventIcs() {}

    /** Someone named in an invitation: a display name and an e-mail address. */
    public record Person(String name, String email) {}

    /** A calendar with Liaison's product id, of iTIP {@code method} ({@code null} for a published feed). */
    public static Calendar calendar(@Nullable Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Liaison//Liaison Calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (method != null) {
            calendar.add(method);
        }
        return calendar;
    }

    /** The VTIMEZONE of each of {@code zones}, once each, added to {@code calendar}. */
    public static void addZones(Calendar calendar, Collection<String> zones) {
        Set<String> once = new LinkedHashSet<>(zones);
        for (String zone : once) {
            VTimeZone definition = ZONES.getTimeZone(zone).getVTimeZone();
            calendar.add(definition);
        }
    }

    /** Whether ical4j knows {@code zone}, so that a VTIMEZONE can be written for it. */
    public static boolean knows(String zone) {
        return ZONES.getTimeZone(zone) != null;
    }

    /** The invitation of {@code attendee} to {@code event}: a REQUEST, or a CANCEL when it is called off. */
    public static String invitation(CalendarEvent event, Person organizer, Person attendee, Instant stamp) {
        Method method = event.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST;
        Calendar calendar = calendar(method);
        addZones(calendar, Set.of(event.timeZone()));
        VEvent vevent = event(event, stamp, null);
        Organizer from = new Organizer(URI.create("mailto:" + organizer.email()));
        from.add(new Cn(organizer.name()));
        vevent.add(from);
        Attendee guest = new Attendee(URI.create("mailto:" + attendee.email()));
        guest.add(new Cn(attendee.name()));
        guest.add(Role.REQ_PARTICIPANT);
        guest.add(event.cancelled() ? PartStat.DECLINED : PartStat.NEEDS_ACTION);
        guest.add(new Rsvp(false));
        vevent.add(guest);
        calendar.add(vevent);
        return calendar.toString();
    }

    /** The VEVENT of {@code event}, with a link back to it when {@code url} is given. */
    public static VEvent event(CalendarEvent event, Instant stamp, @Nullable String url) {
        ZoneId zone = ZoneId.of(event.timeZone());
        VEvent vevent;
        if (event.allDay()) {
            LocalDate first = event.startAt().atZone(zone).toLocalDate();
            LocalDate last = event.endAt().atZone(zone).toLocalDate();
            vevent = new VEvent(first, last.isAfter(first) ? last : first.plusDays(1), event.title());
        } else {
            ZonedDateTime start = event.startAt().atZone(zone);
            vevent = new VEvent(start, event.endAt().atZone(zone), event.title());
        }
        vevent.replace(new DtStamp(stamp));
        vevent.add(new Uid(event.uid()));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        String where = event.place() != null ? event.place() : event.link();
        if (where != null) {
            vevent.add(new Location(where));
        }
        String about = describe(event);
        if (!about.isEmpty()) {
            vevent.add(new Description(about));
        }
        if (url != null) {
            vevent.add(new Url(URI.create(url)));
        }
        return vevent;
    }

    private static String describe(CalendarEvent event) {
        StringBuilder text = new StringBuilder();
        if (event.description() != null) {
            text.append(event.description());
        }
        if (event.link() != null && event.place() != null) {
            text.append(text.isEmpty() ? "" : "\n\n").append(event.link());
        }
        return text.toString();
    }
}
