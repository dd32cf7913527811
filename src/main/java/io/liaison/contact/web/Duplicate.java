package io.liaison.contact.web;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.PageFailures;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The duplicate guard's refusal as the form explains it: whose contact has the same mobile or e-mail,
 * and its id when the member may open it. {@code field} is the service's English name of the field,
 * as a slug for the message key.
 */
record Duplicate(String name, @Nullable UUID id, String field) {

    static @Nullable Duplicate of(LiaisonException e) {
        Object[] args = e.args();
        if ("duplicate-contact".equals(e.type()) && args.length >= 3) {
            return new Duplicate(String.valueOf(args[0]), uuid(args[1]), PageFailures.slug(String.valueOf(args[2])));
        }
        if ("duplicate-contact-hidden".equals(e.type()) && args.length >= 2) {
            return new Duplicate(String.valueOf(args[0]), null, PageFailures.slug(String.valueOf(args[1])));
        }
        return null;
    }

    private static @Nullable UUID uuid(Object value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
