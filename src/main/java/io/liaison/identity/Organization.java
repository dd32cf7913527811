package io.liaison.identity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant: a company with its own members, departments and contacts, seeing nothing of others. */
public record Organization(
        UUID id, String name, String code, String locale, boolean maskContactDetails, OffsetDateTime createdAt) {}
