package io.liaison.identity.api;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.TimeZones;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The system administrator creates further organizations, each with its own administrator. */
@RestController
@RequestMapping("/api/v1/orgs")
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    record CreateOrganizationRequest(
            @Schema(maxLength = OrganizationService.MAX_NAME, example = "杭州丝绸") @Nullable
            String name,

            @Schema(
                    description = "Made from the name if left out.",
                    pattern = OrganizationService.CODE_PATTERN,
                    example = "hz-silk")
            @Nullable
            String code,

            @Schema(
                    allowableValues = {"zh-CN", "en"},
                    defaultValue = "zh-CN")
            @Nullable
            String locale,

            @Schema(
                    description = "An IANA time zone; left out, Asia/Shanghai for zh-CN and UTC for en.",
                    maxLength = TimeZones.MAX_LENGTH,
                    example = "Asia/Shanghai")
            @Nullable
            String timeZone,

            @Schema(pattern = MemberService.LOGIN_PATTERN, example = "admin") @Nullable
            String adminLogin,

            @Schema(
                    minLength = MemberService.MIN_PASSWORD,
                    maxLength = MemberService.MAX_PASSWORD,
                    format = "password",
                    example = "correct-horse-42")
            @Nullable
            String adminPassword,

            @Schema(maxLength = MemberService.MAX_DISPLAY_NAME, example = "王芳") @Nullable
            String adminDisplayName) {}

    record OrganizationResponse(
            UUID id,
            String name,
            String code,
            String locale,
            @Schema(example = "Asia/Shanghai") String timeZone,
            OffsetDateTime createdAt,
            MemberResponse admin) {}

    @ProblemResponse(
            status = 409,
            description = "An organization with this code exists already.",
            types = "organization-code-taken")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<OrganizationResponse> create(Actor actor, @RequestBody CreateOrganizationRequest request) {
        var created = organizations.create(
                actor,
                new OrganizationService.CreateOrganization(
                        request.name(),
                        request.code(),
                        request.locale(),
                        request.adminLogin(),
                        request.adminPassword(),
                        request.adminDisplayName(),
                        request.timeZone()));
        var org = created.organization();
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + org.id()))
                .body(new OrganizationResponse(
                        org.id(),
                        org.name(),
                        org.code(),
                        org.locale(),
                        org.timeZone(),
                        org.createdAt(),
                        MemberResponse.of(created.admin())));
    }
}
