package io.liaison.identity.api;

import io.liaison.identity.Actor;
import io.liaison.identity.Organization;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.MergePatch;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

    @PatchMapping(consumes = {"application/merge-patch+json", "application/json"})
    Organization update(Actor actor, @RequestBody Map<String, @Nullable Object> body) {
        return organizations.updateSettings(actor, new MergePatch(body, OrganizationService.SETTINGS));
    }
}
