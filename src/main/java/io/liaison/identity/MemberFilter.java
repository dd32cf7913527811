package io.liaison.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a member list is narrowed to. */
public record MemberFilter(@Nullable String query, @Nullable UUID departmentId, boolean includeInactive) {}
