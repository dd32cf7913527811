package io.liaison.identity;

import io.liaison.shared.LiaisonException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a role allows beyond working with the contacts one follows. */
public enum Permission {
    CONTACT_CREATE("contact.create"),
    CONTACT_EDIT("contact.edit"),
    CONTACT_DELETE("contact.delete"),
    CONTACT_EXPORT("contact.export"),
    CONTACT_REVEAL("contact.reveal"),
    CONTACT_ASSIGN("contact.assign"),
    TAG_MANAGE("tag.manage"),
    FIELD_MANAGE("field.manage"),
    MEMBER_MANAGE("member.manage"),
    ROLE_MANAGE("role.manage"),
    AUDIT_READ("audit.read");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    /** The name the API and the database use, such as {@code contact.reveal}. */
    public String code() {
        return code;
    }

    public static Permission parse(String code) {
        for (Permission p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw LiaisonException.invalid("permissions", "'" + code + "' is not one of " + codes());
    }

    static String codes() {
        return Arrays.stream(values()).map(Permission::code).collect(Collectors.joining(", "));
    }
}
