package io.liaison.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant: a company with its own members, departments and contacts, seeing nothing of others. */
public record Organization(
        UUID id,

        @Schema(maxLength = OrganizationService.MAX_NAME, example = "杭州丝绸")
        String name,

        @Schema(pattern = OrganizationService.CODE_PATTERN, example = "hz-silk")
        String code,

        @Schema(example = "zh-CN") String locale,

        @Schema(
                description = "The IANA time zone in which pages, inputs and exports show times, unless a member"
                        + " chose their own.",
                example = "Asia/Shanghai")
        String timeZone,

        boolean maskContactDetails,
        OffsetDateTime createdAt) {}
