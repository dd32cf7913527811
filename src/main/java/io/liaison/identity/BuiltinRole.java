package io.liaison.identity;

/**
 * The roles every organization has. They cannot be changed or deleted; their permissions are those
 * the modules declare for them ({@link Permission#heldBy()}), so that a permission added later
 * reaches them without a migration.
 */
public enum BuiltinRole {
    /** Manages the organization: every permission, every contact. */
    ADMIN(DataScope.ALL),
    /** Leads a team: the contacts of their departments and below, which they may reveal and export. */
    MANAGER(DataScope.DEPT_TREE),
    /** Works with the contacts they follow or that are shared with them. */
    MEMBER(DataScope.SELF);

    private final DataScope dataScope;

    BuiltinRole(DataScope dataScope) {
        this.dataScope = dataScope;
    }

    public DataScope dataScope() {
        return dataScope;
    }
}
