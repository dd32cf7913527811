package io.liaison.contact.web;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The duplicate guard's refusal as the form explains it: whose contact has the same mobile or e-mail,
 * and its id when the member may open it. {@code field} names the field that is the same, as the last
 * part of its message code.
 */
record Duplicate(String name, @Nullable UUID id, String field) {

    static @Nullable Duplicate of(LiaisonException e) {
        Object[] args = e.args();
        if ("duplicate-contact".equals(e.type()) && args.length >= 3) {
            return new Duplicate(String.valueOf(args[0]), uuid(args[1]), field(args[2]));
        }
        if ("duplicate-contact-hidden".equals(e.type()) && args.length >= 2) {
            return new Duplicate(String.valueOf(args[0]), null, field(args[1]));
        }
        return null;
    }

    /** The last part of the field's message code ({@code contacts.dupField.<field>}). */
    private static String field(Object message) {
        String code = message instanceof Message m ? m.code() : String.valueOf(message);
        return code.substring(code.lastIndexOf('.') + 1);
    }

    private static @Nullable UUID uuid(Object value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
