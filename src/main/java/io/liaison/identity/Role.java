package io.liaison.identity;

/** The built-in roles. The access-control module adds custom roles and data scopes on top. */
public enum Role {
    /** Manages the organization: members, departments, everything. */
    ADMIN,
    /** Leads a team; reads the organization's structure. */
    MANAGER,
    /** Works with their own contacts. */
    MEMBER;

    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value.trim())) {
                return role;
            }
        }
        throw io.liaison.shared.LiaisonException.invalid("role", "must be one of ADMIN, MANAGER, MEMBER");
    }
}
