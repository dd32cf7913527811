package io.liaison.chat.web;

import io.liaison.chat.ChatUser;
import io.liaison.chat.ChatUsers;
import io.liaison.chat.conversation.Participation;
import io.liaison.identity.Guest;
import io.liaison.shared.LiaisonException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A guest's chats in their portal: the same page and script as a member's, without what a guest may
 * not do (starting conversations, picking members); what a group allows them is the API's to say.
 */
@Controller
class GuestChatPages {

    private final ChatView view;
    private final Participation participation;

    private final ChatUsers users;

    GuestChatPages(ChatView view, Participation participation, ChatUsers users) {
        this.view = view;
        this.users = users;
        this.participation = participation;
    }

    @GetMapping("/guest/chats")
    String list(Guest guest, Model model) {
        return page(guest, null, model);
    }

    @GetMapping("/guest/chats/{id}")
    String one(Guest guest, @PathVariable UUID id, Model model) {
        if (!participation.isIn(users.of(guest), id)) {
            throw LiaisonException.notFound("conversation", id);
        }
        return page(guest, id, model);
    }

    private String page(Guest guest, @Nullable UUID selected, Model model) {
        model.addAttribute("guest", guest);
        ChatUser user = users.of(guest);
        model.addAttribute("chat", view.of(user, "/guest/chats", selected));
        model.addAttribute("unreadChats", participation.unread(user));
        return "chat/guest-chats";
    }
}
