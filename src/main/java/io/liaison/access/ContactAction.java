package io.liaison.access;

/** What an actor wants to do with a contact. */
public enum ContactAction {
    /** Read it (masked where the actor may not see details in full). */
    SEE,
    /** Change its fields, tags and custom fields. */
    EDIT,
    /** Change who it is shared with and who collaborates on it. */
    SHARE,
    /** Move it to the trash and back. */
    DELETE,
    /** Hand it to another member. */
    ASSIGN
}
