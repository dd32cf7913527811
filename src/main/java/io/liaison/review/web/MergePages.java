package io.liaison.review.web;

import io.liaison.contact.Contact;
import io.liaison.contact.ContactMerging;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.review.merge.Merge;
import io.liaison.review.merge.MergeService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.CustomFieldLabels;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.RecordNames;
import io.liaison.shared.web.PageFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merge page, side by side: a column per contact, a choice per field that differs, the contact
 * that stays, what the merge unites; and the recent merges with their undo.
 */
@Controller
class MergePages {

    private final ContactService contacts;
    private final ContactMerging merging;
    private final MergeService merges;
    private final List<RecordNames> recordNames;
    private final CustomFieldLabels fieldLabels;
    private final MessageSource messages;
    private final PageFailures failures;

    MergePages(
            ContactService contacts,
            ContactMerging merging,
            MergeService merges,
            List<RecordNames> recordNames,
            CustomFieldLabels fieldLabels,
            MessageSource messages,
            PageFailures failures) {
        this.contacts = contacts;
        this.merging = merging;
        this.merges = merges;
        this.recordNames = recordNames;
        this.fieldLabels = fieldLabels;
        this.messages = messages;
        this.failures = failures;
    }

    @GetMapping("/review/merge")
    String page(Actor actor, @RequestParam(name = "ids", required = false) @Nullable List<UUID> ids, Model model) {
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(ids == null ? List.of() : ids));
        if (distinct.size() < 2) {
            throw LiaisonException.invalid("mergedIds", "invalid.empty");
        }
        if (distinct.size() > MergeService.MAX_MERGED + 1) {
            throw LiaisonException.tooMany("mergedIds", MergeService.MAX_MERGED);
        }
        List<Contact> shown =
                distinct.stream().map(id -> contacts.get(actor, id)).toList();
        Set<UUID> tagIds = new HashSet<>();
        shown.forEach(c -> tagIds.addAll(c.fields().tagIds()));
        model.addAttribute(
                "view",
                MergeView.of(
                        shown,
                        fieldLabels.labels(actor.orgId()),
                        RecordNames.of(recordNames, actor.orgId(), tagIds),
                        merging.followUpCounts(actor.orgId(), distinct),
                        messages,
                        LocaleContextHolder.getLocale()));
        model.addAttribute("survivor", distinct.get(0));
        return "review/merge";
    }

    /** Merges as the form says; a refusal answers the page again with why, a merge goes to the survivor. */
    @PostMapping("/review/merge")
    String merge(
            Actor actor,
            @RequestParam(name = "ids") List<UUID> ids,
            @RequestParam UUID survivorId,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        List<UUID> mergedIds =
                ids.stream().distinct().filter(id -> !id.equals(survivorId)).toList();
        UUID mergeId;
        try {
            Map<String, UUID> fields = new LinkedHashMap<>();
            form.forEach((key, value) -> {
                if (key.startsWith("field.")) {
                    fields.put(key.substring("field.".length()), contactId(value));
                }
            });
            mergeId = merges.merge(actor, new MergeService.MergeRequest(survivorId, mergedIds, fields), null);
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", failures.of(e));
            return page(actor, ids, model);
        }
        Merge merge = merges.get(actor, mergeId);
        flash.addFlashAttribute("notice", "review.merge.done");
        flash.addFlashAttribute("noticeArg", merge.survivorName());
        flash.addFlashAttribute("noticeLink", "/review/merges#merge-" + mergeId);
        flash.addFlashAttribute("noticeLinkLabel", "review.merge.undoLink");
        return "redirect:/contacts/" + survivorId;
    }

    private static UUID contactId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw LiaisonException.invalid("fields", "invalid.merge-field-contact", value);
        }
    }

    @GetMapping("/review/merges")
    String list(Actor actor, @RequestParam(required = false) @Nullable String cursor, Model model) {
        CursorPage<Merge> page = merges.list(actor, cursor, CursorPage.DEFAULT_LIMIT);
        model.addAttribute("page", page);
        Map<UUID, Long> hoursLeft = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now();
        page.items()
                .forEach(m -> hoursLeft.put(
                        m.id(), Math.max(0, Duration.between(now, m.undoUntil()).toHours())));
        model.addAttribute("hoursLeft", hoursLeft);
        return "review/merges";
    }

    @PostMapping("/review/merges/{id}/undo")
    String undo(
            Actor actor, @PathVariable UUID id, Model model, RedirectAttributes flash, HttpServletResponse response) {
        Merge undone;
        try {
            undone = merges.undo(actor, id);
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", failures.of(e));
            return list(actor, null, model);
        }
        flash.addFlashAttribute("notice", "review.merges.undone");
        flash.addFlashAttribute("noticeArg", undone.survivorName());
        return "redirect:/review/merges#merge-" + id;
    }
}
