package io.liaison.contact.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.ContactSort;
import io.liaison.contact.followup.FollowUpService;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contact list: search, owner, tag, last-contacted and custom-field filters and sort answer the results (count and rows) over htmx,
 * "load more" answers further rows with each contact's latest follow-up, and the selected rows can be
 * moved to the trash together.
 */
@Controller
@RequestMapping("/contacts")
class ContactListPage {

    static final int PAGE_SIZE = 50;

    /** The sorts a member picks; the empty one is the default: best match when searching, else recently changed. */
    static final List<String> SORTS = List.of("", "-updatedAt", "name", "-createdAt", "-lastContactedAt");

    private final ContactService contacts;
    private final TagService tags;
    private final FollowUpService followUps;
    private final MemberDirectory directory;
    private final ContactSetup setup;

    ContactListPage(
            ContactService contacts,
            TagService tags,
            FollowUpService followUps,
            MemberDirectory directory,
            ContactSetup setup) {
        this.contacts = contacts;
        this.tags = tags;
        this.followUps = followUps;
        this.directory = directory;
        this.setup = setup;
    }

    /**
     * The filter bar as it sends itself; "load more" repeats it with the cursor. Selected tags narrow
     * the list to contacts with all of them, or with any of them when {@code tagMode} is "any".
     */
    record ListQuery(
            @Nullable String q,
            @Nullable UUID owner,
            @Nullable String sort,
            @Nullable List<UUID> tagId,
            @Nullable String tagMode,
            @Nullable String contactedAfter,
            @Nullable String field,
            @Nullable String fieldValue,
            @Nullable String cursor) {

        /** The filter, {@code contactedAfter} a day that begins in {@code zone}. */
        ContactFilter filter(ZoneId zone) {
            String text = q == null || q.isBlank() ? null : q.trim();
            return new ContactFilter(
                    text,
                    tagIds(),
                    !"any".equals(tagMode),
                    owner,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    contactedAfterDay() == null
                            ? null
                            : contactedAfterDay().atStartOfDay(zone).toOffsetDateTime(),
                    null,
                    byField() ? Map.of(field.strip(), fieldValue) : Map.of());
        }

        /** The day picked as "last contacted on or after"; a day that is no date is a 400 naming it. */
        public @Nullable LocalDate contactedAfterDay() {
            if (contactedAfter == null || contactedAfter.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(contactedAfter.strip());
            } catch (DateTimeParseException e) {
                throw LiaisonException.invalid("contactedAfter", "invalid.date");
            }
        }

        /** Whether a custom field and a value for it were both given. */
        public boolean byField() {
            return field != null && !field.isBlank() && fieldValue != null && !fieldValue.isBlank();
        }

        public List<UUID> tagIds() {
            return tagId == null ? List.of() : tagId.stream().distinct().toList();
        }

        public boolean anyTag() {
            return "any".equals(tagMode);
        }

        ListQuery firstPage() {
            return new ListQuery(q, owner, sort, tagId, tagMode, contactedAfter, field, fieldValue, null);
        }

        @Nullable
        ContactSort order() {
            return ContactSort.parse(sort);
        }

        public boolean filtered() {
            return searching() || owner != null || !tagIds().isEmpty() || contactedAfterDay() != null || byField();
        }

        public boolean searching() {
            return q != null && !q.isBlank();
        }

        /** The sort select's options: recently changed is the default without a query, so not offered twice. */
        public List<String> sorts() {
            return searching()
                    ? SORTS
                    : SORTS.stream().filter(s -> !"-updatedAt".equals(s)).toList();
        }

        /** The option that shows the order of the list. */
        public String chosenSort() {
            if (sort == null || (!searching() && "-updatedAt".equals(sort))) {
                return "";
            }
            return sort.strip();
        }

        public String sortLabel(String option) {
            if (option.isEmpty()) {
                return searching() ? "contacts.sort.best" : "contacts.sort.-updatedAt";
            }
            return "contacts.sort." + option;
        }
    }

    @GetMapping
    String page(Actor actor, ListQuery query, Model model) {
        answer(actor, query.firstPage(), model);
        model.addAttribute("departments", directory.departmentTree(actor));
        model.addAttribute("customFields", setup.customFields(actor));
        model.addAttribute(
                "ownerName",
                query.owner() == null
                        ? null
                        : directory.names(actor, List.of(query.owner())).get(query.owner()));
        return "contact/list";
    }

    /**
     * A changed filter answers the whole results block, count included, and out of band the tag chips
     * with their selection; a cursor only the next rows.
     */
    @HxRequest
    @GetMapping
    String results(Actor actor, ListQuery query, Model model) {
        model.addAttribute("oob", true);
        return answer(actor, query, model);
    }

    private String answer(Actor actor, ListQuery query, Model model) {
        CursorPage<Contact> page =
                contacts.list(actor, query.filter(actor.timeZone()), query.order(), query.cursor(), PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("marks", new MatchMarks(query.q()));
        model.addAttribute("page", page);
        model.addAttribute(
                "names",
                directory.names(
                        actor,
                        page.items().stream().map(c -> c.fields().ownerId()).collect(Collectors.toSet())));
        model.addAttribute("tags", TagChips.of(tags.list(actor)));
        model.addAttribute(
                "lastFollowUps",
                followUps.latest(actor, page.items().stream().map(Contact::id).toList()));
        if (query.cursor() != null) {
            return "contact/list :: rows";
        }
        model.addAttribute("count", contacts.count(actor, query.filter(actor.timeZone())));
        return "contact/list :: results";
    }

    /**
     * Moves the selected contacts to the trash one by one, so that a contact the member may not change
     * is skipped rather than spoiling the others; the answer says how many went.
     */
    @HxRequest
    @PostMapping("/trash")
    String trashSelected(
            Actor actor,
            @RequestParam(name = "ids", required = false) @Nullable List<UUID> ids,
            ListQuery query,
            Model model) {
        int moved = 0;
        int selected = ids == null ? 0 : ids.size();
        for (UUID id : ids == null ? List.<UUID>of() : ids) {
            try {
                contacts.trash(actor, id, null);
                moved++;
            } catch (LiaisonException e) {
                // Skipped: the notice below tells how many of the selection went.
            }
        }
        model.addAttribute("moved", moved);
        model.addAttribute("skipped", selected - moved);
        return results(actor, query.firstPage(), model);
    }
}
