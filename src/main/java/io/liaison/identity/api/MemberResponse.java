package io.liaison.identity.api;

import io.liaison.identity.Member;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record MemberResponse(
        UUID id,
        String login,
        String displayName,
        @Nullable String mobile,
        @Nullable String email,
        String role,
        String roleName,
        List<UUID> departmentIds,
        boolean active,
        @Nullable String locale,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    static MemberResponse of(Member m) {
        return new MemberResponse(
                m.id(),
                m.login(),
                m.displayName(),
                m.mobile(),
                m.email(),
                m.role(),
                m.roleName(),
                m.departmentIds(),
                m.active(),
                m.locale(),
                m.createdAt(),
                m.updatedAt(),
                m.version());
    }
}
