package io.liaison.identity;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member to create, as an administrator fills it in; {@code role} names a built-in role, a
 * custom role's id or its name, and is {@code MEMBER} when absent.
 */
public record NewMember(
        String login,
        String displayName,
        @Nullable String mobile,
        @Nullable String email,
        @Nullable String role,
        List<UUID> departmentIds,
        String password) {}
