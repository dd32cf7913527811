package io.liaison.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Something a role allows beyond working with the contacts it sees. Each module declares the ones it
 * checks, in a {@link PermissionSet} bean next to its code.
 *
 * @param code the name the API and the database use, such as {@code contact.reveal}; never renamed,
 *     since custom roles store it
 * @param group the heading it stands under on the roles page, named by the message key
 *     {@code permissionGroup.<group>}
 * @param order its place on the roles page; groups follow the order of their first permission
 * @param heldBy the built-in roles besides {@link BuiltinRole#ADMIN} (which holds every permission)
 *     that hold it
 */
public record Permission(String code, String group, int order, Set<BuiltinRole> heldBy) implements Serializable {

    public static final String CODE_PATTERN = "^[a-z]+(\\.[a-z]+)+$";

    /** A member's {@link Actor} holds their permissions and lives in their session. */
    @Serial
    private static final long serialVersionUID = 1L;

    public Permission {
        if (!code.matches(CODE_PATTERN) || !group.matches("[a-z]+")) {
            throw new IllegalArgumentException("Permission '" + code + "' in group '" + group + "' is misnamed");
        }
        heldBy = Set.copyOf(heldBy);
    }

    /** The key of its label in the message bundles. */
    public String messageKey() {
        return "permission." + code;
    }

    /** The key of its group's heading in the message bundles. */
    public String groupMessageKey() {
        return "permissionGroup." + group;
    }

    /** A permission is its code (two declarations of one code stop the start): cheap to look up per request. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Permission p && p.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    public boolean heldBy(BuiltinRole role) {
        return role == BuiltinRole.ADMIN || heldBy.contains(role);
    }
}
