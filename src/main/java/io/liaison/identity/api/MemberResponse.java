package io.liaison.identity.api;

import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record MemberResponse(
        UUID id,
        @Schema(example = "wangfang") String login,

        @Schema(maxLength = MemberService.MAX_DISPLAY_NAME, example = "王芳")
        String displayName,

        @Schema(example = "+8613800138000") @Nullable String mobile,

        @Schema(format = "email", maxLength = MemberService.MAX_EMAIL, example = "wangfang@example.com") @Nullable
        String email,

        @Schema(description = "A built-in role's name or a custom role's id.", example = "MEMBER")
        String role,

        @Schema(example = "成员") String roleName,
        List<UUID> departmentIds,
        boolean active,
        @Nullable String locale,

        @Schema(
                description = "The member's own time zone; null when they follow the organization's.",
                example = "Asia/Shanghai")
        @Nullable
        String timeZone,

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
                m.timeZone(),
                m.createdAt(),
                m.updatedAt(),
                m.version());
    }
}
