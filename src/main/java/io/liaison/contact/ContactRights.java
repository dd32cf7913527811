package io.liaison.contact;

/**
 * Why the actor sees a contact ({@code reason}: owner, collaborator, shared-member,
 * shared-department, scope-all or scope-department) and what else they may do with it.
 */
public record ContactRights(String reason, boolean edit, boolean share, boolean delete) {}
