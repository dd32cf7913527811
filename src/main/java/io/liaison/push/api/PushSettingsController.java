package io.liaison.push.api;

import io.liaison.identity.Actor;
import io.liaison.push.settings.PushSettings;
import io.liaison.push.settings.PushSettingsService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organization's push rules: everyone reads them, those who approve pushes change them. */
@RestController
@RequestMapping("/api/v1/push-settings")
class PushSettingsController {

    private final PushSettingsService settings;

    PushSettingsController(PushSettingsService settings) {
        this.settings = settings;
    }

    @KnownFieldsOnly
    record SettingsBody(
            @Schema(description = "Pushes that reach one contact in a day at most; 0 for no cap.", example = "1")
            @Nullable
            Integer perDay,

            @Schema(description = "Pushes that reach one contact in a month at most; 0 for no cap.", example = "4")
            @Nullable
            Integer perMonth,

            @Schema(description = "A push to more recipients than this waits for approval; null: never.") @Nullable
            Integer approvalOver,

            @Schema(description = "Quiet hours in the organization's time zone; null for none.") @Nullable
            QuietHours quietHours,

            @Schema(description = "The most recipients one push reaches.", example = "1000000") @Nullable
            Integer maxRecipients) {

        static SettingsBody of(PushSettings s) {
            QuietHours quiet = s.quietStart() == null || s.quietEnd() == null
                    ? null
                    : new QuietHours(s.quietStart(), s.quietEnd());
            return new SettingsBody(s.perDay(), s.perMonth(), s.approvalOver(), quiet, s.maxRecipients());
        }

        PushSettings settings() {
            return new PushSettings(
                    required("perDay", perDay),
                    required("perMonth", perMonth),
                    approvalOver,
                    quietHours == null ? null : quietHours.starts(),
                    quietHours == null ? null : quietHours.ends(),
                    required("maxRecipients", maxRecipients));
        }

        private static int required(String field, @Nullable Integer value) {
            if (value == null) {
                throw LiaisonException.invalid(field, "invalid.required");
            }
            return value;
        }
    }

    record QuietHours(
            @Schema(type = "string", pattern = TIME, example = "21:00")
            LocalTime starts,

            @Schema(type = "string", pattern = TIME, example = "08:00")
            LocalTime ends) {}

    private static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    @GetMapping
    SettingsBody get(Actor actor) {
        return SettingsBody.of(settings.get(actor.orgId()));
    }

    @PutMapping
    SettingsBody put(Actor actor, @RequestBody SettingsBody body) {
        return SettingsBody.of(settings.put(actor, body.settings()));
    }
}
