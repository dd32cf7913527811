package io.liaison.identity;

import java.util.UUID;

/** A new organization exists, with its administrator; published inside the creating transaction. */
public record OrganizationCreated(UUID orgId, String locale, UUID adminId) {}
