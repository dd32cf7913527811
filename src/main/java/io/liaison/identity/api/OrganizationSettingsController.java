package io.liaison.identity.api;

import io.liaison.identity.Actor;
import io.liaison.identity.Organization;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.MergePatch;
import io.liaison.shared.TimeZones;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The actor's own organization: everyone reads it, administrators change its settings. */
@RestController
@RequestMapping("/api/v1/organization")
class OrganizationSettingsController {

    private final OrganizationService organizations;

    OrganizationSettingsController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    Organization get(Actor actor) {
        return organizations.mine(actor);
    }

    /** A change to the organization's settings (JSON Merge Patch): a setting left out stays as it is. */
    @KnownFieldsOnly
    record SettingsPatch(
            @Schema(
                    description = "Show mobiles and e-mails masked to members without the reveal permission.",
                    example = "true")
            Patch<Boolean> maskContactDetails,

            @Schema(
                    description = "The IANA time zone of pages, inputs and exports for members without their own.",
                    maxLength = TimeZones.MAX_LENGTH,
                    example = "Asia/Shanghai")
            Patch<String> timeZone) {}

    @PatchMapping(consumes = {"application/merge-patch+json", "application/json"})
    Organization update(Actor actor, @RequestBody SettingsPatch body) {
        return organizations.updateSettings(actor, new MergePatch(Patch.fields(body), OrganizationService.SETTINGS));
    }
}
