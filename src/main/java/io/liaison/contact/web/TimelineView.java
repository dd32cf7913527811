package io.liaison.contact.web;

import io.liaison.contact.ContactService;
import io.liaison.contact.TimelineEntry;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Timeline entries as sentences in the user's language: "Li Na changed the company", followed for an
 * update by one "field: before → after" line per changed field.
 */
@Component
class TimelineView {

    /** One entry as the page shows it. */
    record Line(UUID id, OffsetDateTime at, String kind, String sentence, List<String> details) {}

    private final ContactService contacts;
    private final MemberDirectory directory;
    private final MessageSource messages;

    TimelineView(ContactService contacts, MemberDirectory directory, MessageSource messages) {
        this.contacts = contacts;
        this.directory = directory;
        this.messages = messages;
    }

    CursorPage<Line> page(Actor actor, UUID contactId, @Nullable String cursor, int limit) {
        CursorPage<TimelineEntry> page = contacts.timeline(actor, contactId, cursor, limit);
        Map<UUID, String> names = directory.names(actor);
        Locale locale = LocaleContextHolder.getLocale();
        return page.map(e -> line(e, names, locale));
    }

    private Line line(TimelineEntry e, Map<UUID, String> names, Locale locale) {
        String who = e.actorId() == null ? text("contacts.timeline.system", locale) : name(names, e.actorId());
        Map<String, Object> data = e.data();
        List<String> details = new ArrayList<>();
        String sentence = switch (e.kind()) {
            case "owner_changed" ->
                text(
                        "contacts.timeline.owner_changed",
                        locale,
                        who,
                        name(names, data.get("from")),
                        name(names, data.get("to")));
            case "tags_changed" ->
                text("contacts.timeline.tags_changed", locale, who, size(data.get("added")), size(data.get("removed")));
            case "follow_up" ->
                text(
                        "contacts.timeline.follow_up",
                        locale,
                        who,
                        text("followUp.type." + data.getOrDefault("type", "note"), locale));
            case "updated" -> {
                changes(data.get("changes"), locale, details);
                yield text("contacts.timeline.updated", locale, who, details.size());
            }
            case "created", "imported", "trashed", "restored", "tag_deleted" ->
                text("contacts.timeline." + e.kind(), locale, who);
            default -> text("contacts.timeline.other", locale, who, e.kind());
        };
        return new Line(e.id(), e.at(), e.kind(), sentence, details);
    }

    private void changes(@Nullable Object changes, Locale locale, List<String> details) {
        if (changes instanceof Collection<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> change) {
                    String field = String.valueOf(change.get("field"));
                    details.add(messages.getMessage(labelKey(field), null, field, locale) + ": "
                            + value(change.get("before"), locale) + " → " + value(change.get("after"), locale));
                }
            }
        }
    }

    /** A stored value in words: lists of phones or e-mails by their numbers and addresses. */
    private String value(@Nullable Object value, Locale locale) {
        if (value == null
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty())) {
            return text("contacts.empty", locale);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(item -> value(item, locale)).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            Object main = map.containsKey("address") ? map.get("address") : map.get("number");
            if (main != null) {
                return String.valueOf(main);
            }
            return map.entrySet().stream()
                    .map(en -> en.getKey() + ": " + value(en.getValue(), locale))
                    .collect(Collectors.joining(", "));
        }
        if ("male".equals(value) || "female".equals(value) || "unknown".equals(value)) {
            return text("gender." + value, locale);
        }
        return String.valueOf(value);
    }

    /** The label of a contact field; a contact's name is a person's name, not a department's. */
    static String labelKey(String field) {
        return "name".equals(field) ? "field.displayName" : "field." + field;
    }

    private static int size(@Nullable Object list) {
        return list instanceof Collection<?> c ? c.size() : 0;
    }

    private static String name(Map<UUID, String> names, @Nullable Object id) {
        if (id == null) {
            return "?";
        }
        try {
            return names.getOrDefault(UUID.fromString(String.valueOf(id)), "?");
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
