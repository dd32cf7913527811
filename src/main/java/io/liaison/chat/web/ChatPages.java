package io.liaison.chat.web;

import io.liaison.chat.ChatUsers;
import io.liaison.chat.conversation.Participation;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.shared.LiaisonException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's chats: the conversation list and the open conversation, drawn by chat.js from the
 * conversations API. A conversation the member is not in is not found, as in the API.
 */
@Controller
class ChatPages {

    private final ChatView view;
    private final Participation participation;
    private final DepartmentService departments;
    private final ChatUsers users;

    ChatPages(ChatView view, Participation participation, DepartmentService departments, ChatUsers users) {
        this.view = view;
        this.users = users;
        this.participation = participation;
        this.departments = departments;
    }

    @GetMapping("/chats")
    String list(Actor actor, @RequestParam(required = false) @Nullable UUID contact, Model model) {
        return page(actor, null, contact, model);
    }

    @GetMapping("/chats/{id}")
    String one(Actor actor, @PathVariable UUID id, Model model) {
        if (!participation.isIn(users.of(actor), id)) {
            throw LiaisonException.notFound("conversation", id);
        }
        return page(actor, id, null, model);
    }

    private String page(Actor actor, @Nullable UUID selected, @Nullable UUID contact, Model model) {
        model.addAttribute("chat", view.of(users.of(actor), "/chats", selected));
        model.addAttribute("contactFilter", contact);
        model.addAttribute(
                "departments", DepartmentTree.of(departments.list(actor)).nodes());
        return "chat/chats";
    }
}
