package io.liaison.chat;

import io.liaison.identity.Actor;
import io.liaison.identity.Caller;
import io.liaison.identity.Guest;
import io.liaison.shared.LiaisonException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * Who acts in the chat, as the conversations see them: a member ({@code caller} is their {@link
 * Actor}) or a guest ({@link Guest}, an external contact). {@code id} is the member's or the guest's
 * id, the one a participant row and a message's author carry; {@code locale} and {@code zone} are
 * theirs (a guest's are their organization's).
 */
public record ChatUser(UUID orgId, UUID id, String displayName, Locale locale, ZoneId zone, Caller caller) {

    public static final String MEMBER = "member";
    public static final String GUEST = "guest";

    public boolean guest() {
        return caller instanceof Guest;
    }

    /** {@code member} or {@code guest}, as a message's author kind and a participant's kind say. */
    public String kind() {
        return guest() ? GUEST : MEMBER;
    }

    /** The participant column that names this user: {@code member_id} or {@code guest_id}. */
    public String column() {
        return column(guest());
    }

    /** The participant column of a member's or a guest's id. */
    public static String column(boolean guest) {
        return guest ? "guest_id" : "member_id";
    }

    /** The member acting; a guest is refused with a 403 whose message ({@code forbidden}) says why. */
    public Actor asMember(String forbidden) {
        if (caller instanceof Actor actor) {
            return actor;
        }
        throw LiaisonException.forbidden(forbidden);
    }

    public static ChatUser of(Actor actor, Locale fallback) {
        Locale locale = actor.locale() == null ? fallback : Locale.forLanguageTag(actor.locale());
        return new ChatUser(actor.orgId(), actor.memberId(), actor.displayName(), locale, actor.timeZone(), actor);
    }
}
