package io.liaison.push.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.channel.ChannelKind;
import io.liaison.channel.ChannelSummary;
import io.liaison.channel.Channels;
import io.liaison.contact.ContactSetup;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.MemberService;
import io.liaison.push.PushPermissions;
import io.liaison.push.core.Push;
import io.liaison.push.core.PushProgress;
import io.liaison.push.core.PushService;
import io.liaison.push.core.Recipient;
import io.liaison.push.core.RecipientExport;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.Downloads;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The push pages: the sender's pushes (an approver's: everyone's) newest first with their progress,
 * the composer (push-composer.js builds the audience and sends through the API), and one push with its
 * counts and recipients, read again every few seconds while it sends.
 */
@Controller
@RequestMapping("/pushes")
class PushPages {

    static final int PAGE_SIZE = 50;

    /** The bundle keys under {@code push.js.} that the scripts read by their last part. */
    static final List<String> TEXTS = List.of(
            "badTime",
            "badDay",
            "counting",
            "reach",
            "reach.queued",
            "reach.no-address",
            "reach.opted-out",
            "reach.capped-day",
            "reach.capped-month",
            "reach.invisible",
            "reach.conversations",
            "reach.channels",
            "noTags",
            "noGroups",
            "noRobots",
            "failed",
            "confirmCancel",
            "sending",
            "previewEmpty",
            "previewNone",
            "previewGroups",
            "previewCount");

    private final PushService pushes;
    private final DepartmentService departments;
    private final Channels channels;
    private final MessageSource messages;
    private final JsonMapper json;
    private final RecipientExport exports;
    private final MemberService memberNames;
    private final ContactSetup setup;

    PushPages(
            PushService pushes,
            DepartmentService departments,
            Channels channels,
            MessageSource messages,
            JsonMapper json,
            RecipientExport exports,
            MemberService memberNames,
            ContactSetup setup) {
        this.pushes = pushes;
        this.exports = exports;
        this.memberNames = memberNames;
        this.setup = setup;
        this.departments = departments;
        this.channels = channels;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) @Nullable String cursor, Model model) {
        CursorPage<PushProgress> page = pushes.list(actor, cursor, PAGE_SIZE);
        model.addAttribute("pushes", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        return "push/list";
    }

    /**
     * The contact list's filter the composer was opened with ("push to these contacts"), in the list's
     * own parameter names; push-composer.js turns it into the audience's filter.
     */
    record ListFilter(
            @Nullable String q,
            @Nullable UUID owner,
            @Nullable List<UUID> tagId,
            @Nullable String tagMode,
            @Nullable String contactedAfter,
            @Nullable String field,
            @Nullable String fieldValue) {

        public List<UUID> tagIds() {
            return tagId == null ? List.of() : tagId.stream().distinct().toList();
        }

        /** Whether the list was filtered at all: then the push goes to its contacts. */
        public boolean given() {
            return (q != null && !q.isBlank())
                    || owner != null
                    || !tagIds().isEmpty()
                    || (contactedAfter != null && !contactedAfter.isBlank())
                    || (field != null && !field.isBlank());
        }
    }

    @GetMapping("/new")
    String composer(Actor actor, ListFilter from, Model model) {
        if (!actor.can(PushPermissions.SEND)) {
            throw LiaisonException.forbidden("forbidden.send-push");
        }
        model.addAttribute("from", from);
        model.addAttribute(
                "ownerName",
                from.owner() == null
                        ? null
                        : memberNames
                                .displayNames(actor, List.of(from.owner()), false)
                                .get(from.owner()));
        model.addAttribute("customFields", setup.customFields(actor));
        model.addAttribute("zone", actor.timeZone().getId());
        model.addAttribute("texts", texts());
        model.addAttribute("robots", json.writeValueAsString(robots(actor)));
        model.addAttribute(
                "departments", DepartmentTree.of(departments.list(actor)).nodes());
        return "push/composer";
    }

    /** A robot or webhook the composer offers: by its name only, never its address. */
    record Robot(UUID id, String label) {}

    /**
     * The robots and webhooks a push may go through, as the push API accepts them: the organization's
     * and the sender's own, enabled. (The channel API lists the organization's only to those who
     * manage channels, as it shows their addresses.)
     */
    private List<Robot> robots(Actor actor) {
        return Stream.concat(
                        channels.shared(actor.orgId()).stream(),
                        channels.personal(actor.orgId(), actor.memberId()).stream())
                .filter(ChannelSummary::enabled)
                .filter(c -> c.kind() != ChannelKind.EMAIL)
                .map(c -> new Robot(c.id(), c.name()))
                .toList();
    }

    /** The recipients as the page's filter and "load more" ask for them. */
    record RecipientQuery(@Nullable String state, @Nullable String cursor) {

        @Nullable
        String chosenState() {
            return state == null || state.isBlank() ? null : state;
        }
    }

    @GetMapping("/{id}")
    String page(Actor actor, @PathVariable UUID id, RecipientQuery query, Model model) {
        live(actor, id, query, model);
        model.addAttribute("texts", texts());
        model.addAttribute("states", PushProgress.STATES);
        return "push/push";
    }

    /** The push's live part (state, counts, actions, recipients), or with a cursor the next recipients. */
    @HxRequest
    @GetMapping("/{id}")
    String live(Actor actor, @PathVariable UUID id, RecipientQuery query, Model model) {
        PushProgress summary = pushes.progress(actor, id);
        Push push = summary.push();
        CursorPage<Recipient> recipients = pushes.recipients(actor, id, query.chosenState(), query.cursor(), PAGE_SIZE);
        model.addAttribute("summary", summary);
        model.addAttribute("recipients", recipients);
        model.addAttribute("query", query);
        model.addAttribute("chosenState", query.chosenState());
        model.addAttribute(
                "mayApprove", actor.can(PushPermissions.APPROVE) && push.state().equals(Push.AWAITING_APPROVAL));
        return query.cursor() == null ? "push/push :: live" : "push/push :: rows";
    }

    /** The recipients, of the chosen state, as a CSV file (the API's export, for the page's session). */
    @GetMapping("/{id}/recipients.csv")
    ResponseEntity<StreamingResponseBody> export(Actor actor, @PathVariable UUID id, RecipientQuery query) {
        RecipientExport.Export export = exports.start(actor, id, query.chosenState(), LocaleContextHolder.getLocale());
        return Downloads.attachment(
                "text/csv;charset=UTF-8", export.fileName(Instant.now()), out -> exports.write(export, out));
    }

    private String texts() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> texts = new LinkedHashMap<>();
        TEXTS.forEach(key -> texts.put(key, messages.getMessage("push.js." + key, null, locale)));
        return json.writeValueAsString(texts);
    }
}
