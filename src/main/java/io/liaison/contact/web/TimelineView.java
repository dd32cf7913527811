package io.liaison.contact.web;

import io.liaison.contact.ContactService;
import io.liaison.contact.TimelineEntry;
import io.liaison.identity.Actor;
import io.liaison.identity.IdentityPermissions;
import io.liaison.shared.CursorPage;
import io.liaison.shared.CustomFieldLabels;
import io.liaison.shared.web.RecordLinks;
import io.liaison.shared.web.Sentence;
import io.liaison.shared.web.Sentence.Part;
import io.liaison.shared.web.ValueWords;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Timeline entries as sentences in the user's language: "李娜 handed the contact from 王芳 to 张伟",
 * the people and tags by the names they had then and linked where the reader may open them, followed
 * for an update by one "field: before → after" line per changed field and for a follow-up by its content.
 */
@Component
class TimelineView {

    /** One entry as the page shows it. */
    record Line(UUID id, OffsetDateTime at, String kind, Sentence sentence, List<Sentence> details) {}

    /** The contact fields whose values are ids, by the kind of record they name. */
    private static final Map<String, String> KINDS = Map.of(
            "ownerId", "member",
            "shareUserIds", "member",
            "collaboratorIds", "member",
            "shareDeptIds", "department",
            "tagIds", "tag");

    /** The most characters of a follow-up's content the timeline repeats. */
    static final int CONTENT_SHOWN = 200;

    private final ContactService contacts;
    private final CustomFieldLabels fieldLabels;
    private final ValueWords words;
    private final MessageSource messages;

    TimelineView(ContactService contacts, CustomFieldLabels fieldLabels, ValueWords words, MessageSource messages) {
        this.contacts = contacts;
        this.fieldLabels = fieldLabels;
        this.words = words;
        this.messages = messages;
    }

    CursorPage<Line> page(Actor actor, UUID contactId, @Nullable String cursor, int limit) {
        CursorPage<TimelineEntry> page = contacts.timeline(actor, contactId, cursor, limit);
        Locale locale = LocaleContextHolder.getLocale();
        boolean managesMembers = actor.can(IdentityPermissions.MEMBER_MANAGE);
        Map<String, String> labels = fieldLabels.labels(actor.orgId());
        return page.map(e -> line(
                e,
                new ValueWords.Reading(
                        locale,
                        e.names(),
                        labels,
                        KINDS::get,
                        (kind, id) -> RecordLinks.href(kind, id, managesMembers))));
    }

    private Line line(TimelineEntry e, ValueWords.Reading r) {
        Part who = e.actorId() == null
                ? Part.plain(text("contacts.timeline.system", r))
                : words.name(r, "member", e.actorId());
        Map<String, Object> data = e.data();
        List<Sentence> details = new ArrayList<>();
        Sentence sentence = switch (e.kind()) {
            case TimelineEntry.OWNER_CHANGED ->
                sentence(
                        r,
                        "contacts.timeline.owner_changed",
                        who,
                        words.name(r, "member", data.get("from")),
                        words.name(r, "member", data.get("to")));
            case TimelineEntry.TAGS_CHANGED -> tags(r, who, data);
            case TimelineEntry.TAG_DELETED ->
                sentence(r, "contacts.timeline.tag_deleted", who, Part.plain(String.valueOf(data.get("tagName"))));
            case TimelineEntry.FOLLOW_UP -> {
                if (data.get("content") instanceof String content) {
                    details.add(new Sentence(List.of(Part.plain(shortened(content)))));
                }
                yield sentence(
                        r,
                        "contacts.timeline.follow_up",
                        who,
                        text("followUp.type." + data.getOrDefault("type", "note"), r));
            }
            case TimelineEntry.UPDATED -> {
                changes(r, data.get("changes"), details);
                yield sentence(r, "contacts.timeline.updated", who, details.size());
            }
            case TimelineEntry.CHAT -> chat(r, e);
            case TimelineEntry.MERGED, TimelineEntry.MERGE_UNDONE ->
                sentence(r, "contacts.timeline." + e.kind(), who, contactNames(r, data.get("contactIds")));
            case TimelineEntry.PUSH_OPTED_OUT, TimelineEntry.PUSH_OPTED_IN ->
                sentence(r, "contacts.timeline." + e.kind() + "." + data.getOrDefault("via", "member"), who);
            case TimelineEntry.CREATED, TimelineEntry.IMPORTED, TimelineEntry.TRASHED, TimelineEntry.RESTORED ->
                sentence(r, "contacts.timeline." + e.kind(), who);
            default -> sentence(r, "contacts.timeline.other", who);
        };
        return new Line(e.id(), e.at(), e.kind(), sentence, details);
    }

    /** "华东客户群: 12 messages (3 from 王芳)", the group linked to its chat. */
    private Sentence chat(ValueWords.Reading r, TimelineEntry e) {
        String conversation = String.valueOf(e.data().get("conversationId"));
        Part group = new Part(e.names().getOrDefault(conversation, conversation), "/chats/" + conversation);
        Object messages = e.data().get("messages");
        Object fromContact = e.data().get("fromContact");
        if (fromContact instanceof Number n && n.longValue() > 0) {
            String contact = e.names().getOrDefault(String.valueOf(e.data().get("contactId")), "");
            return sentence(r, "contacts.timeline.chat", group, messages, fromContact, contact);
        }
        return sentence(r, "contacts.timeline.chat.members", group, messages);
    }

    /** "王芳 added the tags VIP、Key and removed Lead", each tag linked to the contacts that carry it. */
    private Sentence tags(ValueWords.Reading r, Part who, Map<String, Object> data) {
        List<Part> added = tagNames(r, data.get("added"));
        List<Part> removed = tagNames(r, data.get("removed"));
        if (removed.isEmpty()) {
            return sentence(r, "contacts.timeline.tags_added", who, added);
        }
        if (added.isEmpty()) {
            return sentence(r, "contacts.timeline.tags_removed", who, removed);
        }
        return sentence(r, "contacts.timeline.tags_changed", who, added, removed);
    }

    private List<Part> tagNames(ValueWords.Reading r, @Nullable Object ids) {
        List<Part> names = new ArrayList<>();
        if (ids instanceof Collection<?> list) {
            list.forEach(id -> names.add(words.name(r, "tag", id)));
        }
        return names;
    }

    /** The contacts a merge names, each linked to its page. */
    private List<Part> contactNames(ValueWords.Reading r, @Nullable Object ids) {
        List<Part> names = new ArrayList<>();
        if (ids instanceof Collection<?> list) {
            list.forEach(id -> names.add(words.name(r, "contact", id)));
        }
        return names;
    }

    private void changes(ValueWords.Reading r, @Nullable Object changes, List<Sentence> details) {
        if (changes instanceof Collection<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> change) {
                    String field = String.valueOf(change.get("field"));
                    details.add(sentence(
                            r,
                            "contacts.timeline.change",
                            words.label(r.locale(), labelField(field)),
                            words.value(r, field, change.get("before")),
                            words.value(r, field, change.get("after"))));
                }
            }
        }
    }

    /** The field whose label names a contact field; a contact's name is a person's name (姓名), not a department's. */
    static String labelField(String field) {
        return "name".equals(field) ? "displayName" : field;
    }

    private static String shortened(String content) {
        return content.length() <= CONTENT_SHOWN ? content : content.substring(0, CONTENT_SHOWN) + "…";
    }

    private Sentence sentence(ValueWords.Reading r, String key, Object... args) {
        return Sentence.of(messages, r.locale(), key, args);
    }

    private String text(String key, ValueWords.Reading r) {
        return messages.getMessage(key, null, r.locale());
    }
}
