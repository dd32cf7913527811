package io.liaison.identity;

import io.liaison.shared.LiaisonException;

/** Whose contacts a role sees besides the ones its member follows or has been given. */
public enum DataScope {
    /** Only the contacts the member follows. */
    SELF,
    /** Also those followed by members of the member's departments. */
    DEPT,
    /** Also those followed by members of the member's departments and all their sub-departments. */
    DEPT_TREE,
    /** Every contact of the organization. */
    ALL,
    /** Those followed by members of a chosen list of departments. */
    CUSTOM;

    public static DataScope parse(String value) {
        for (DataScope scope : values()) {
            if (scope.name().equalsIgnoreCase(value.trim())) {
                return scope;
            }
        }
        throw LiaisonException.invalid("dataScope", "invalid.data-scope");
    }
}
