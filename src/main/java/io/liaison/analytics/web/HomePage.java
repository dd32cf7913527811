package io.liaison.analytics.web;

import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.MemberService;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: who I am in which organization, and how big it is. */
@Controller
class HomePage {

    private final DepartmentService departments;
    private final MemberService members;

    HomePage(DepartmentService departments, MemberService members) {
        this.departments = departments;
        this.members = members;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        DepartmentTree tree = DepartmentTree.of(departments.list(actor));
        model.addAttribute(
                "myDepartments",
                actor.departmentIds().stream()
                        .map(tree.names()::get)
                        .filter(Objects::nonNull)
                        .toList());
        model.addAttribute("departmentCount", tree.nodes().size());
        model.addAttribute("memberCount", members.countActive(actor));
        return "analytics/home";
    }
}
