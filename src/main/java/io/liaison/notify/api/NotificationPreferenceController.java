package io.liaison.notify.api;

import io.liaison.identity.Actor;
import io.liaison.notify.NotificationPreferences;
import io.liaison.notify.NotificationPreferences.KindChoice;
import io.liaison.notify.NotificationPreferences.QuietHours;
import io.liaison.notify.NotificationPreferences.View;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notification preferences: per kind, the bell, e-mail and their own robot; quiet hours. */
@RestController
@RequestMapping("/api/v1/notification-preferences")
class NotificationPreferenceController {

    private final NotificationPreferences preferences;

    NotificationPreferenceController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    record PreferencesRequest(
            @Schema(description = "Each kind's route; a kind left out goes back to its defaults.")
            List<KindChoice> kinds,

            @Schema(description = "In the member's time zone; null for none.") @Nullable
            QuietHours quietHours) {}

    @GetMapping
    View get(Actor actor) {
        return preferences.get(actor);
    }

    @PutMapping
    View put(Actor actor, @RequestBody PreferencesRequest request) {
        return preferences.put(actor, request.kinds() == null ? List.of() : request.kinds(), request.quietHours());
    }
}
