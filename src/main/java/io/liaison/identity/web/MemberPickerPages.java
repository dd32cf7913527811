package io.liaison.identity.web;

import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.MemberSearch;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The answers of every member picker (owner, owner filter, sharing): the members that match what is
 * typed, within the chosen department and its sub-departments, as options member-picker.js shows.
 */
@Controller
class MemberPickerPages {

    private final MemberSearch search;
    private final DepartmentService departments;

    MemberPickerPages(MemberSearch search, DepartmentService departments) {
        this.search = search;
        this.departments = departments;
    }

    /** A member as an option shows them: the name, and the departments that tell namesakes apart. */
    record Choice(UUID id, String name, String departments) {}

    @GetMapping("/members/picker")
    String options(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID department,
            @RequestParam(required = false) @Nullable List<UUID> exclude,
            Model model) {
        List<UUID> excluded = exclude == null
                ? List.of()
                : exclude.stream().filter(Objects::nonNull).toList();
        MemberSearch.Found found = search.find(actor, q, department, excluded);
        Map<UUID, String> names = DepartmentTree.of(departments.list(actor)).names();
        List<Choice> choices = found.members().stream()
                .map(m -> new Choice(
                        m.id(),
                        m.displayName(),
                        m.departmentIds().stream()
                                .map(names::get)
                                .filter(Objects::nonNull)
                                .collect(Collectors.joining(" · "))))
                .toList();
        model.addAttribute("choices", choices);
        model.addAttribute("more", found.more());
        model.addAttribute("limit", MemberSearch.LIMIT);
        return "identity/member-picker :: options";
    }
}
