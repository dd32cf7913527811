package io.liaison.chat;

import io.liaison.identity.Actor;
import io.liaison.identity.Caller;
import io.liaison.identity.Guest;
import io.liaison.shared.LiaisonProperties;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Turns whoever calls (a member or a guest) into the chat's {@link ChatUser}. */
@Component
public class ChatUsers {

    private final Locale fallback;

    ChatUsers(LiaisonProperties properties) {
        this.fallback = Locale.forLanguageTag(properties.locale());
    }

    public ChatUser of(Caller caller) {
        if (caller instanceof Actor actor) {
            return ChatUser.of(actor, fallback);
        }
        Guest guest = (Guest) caller;
        return new ChatUser(
                guest.orgId(),
                guest.id(),
                guest.displayName(),
                Locale.forLanguageTag(guest.locale()),
                guest.timeZone(),
                guest);
    }
}
