package io.liaison.channel.api;

import io.liaison.channel.config.ChannelRow;
import io.liaison.channel.config.ChannelService;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.MergePatch;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channel configurations: the organization's (with {@code channel.manage}) and the caller's own
 * personal robots. The secret is write-only.
 */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelController {

    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    record CreateChannelRequest(
            @Schema(maxLength = ChannelService.MAX_NAME, example = "销售群机器人") @Nullable
            String name,

            @Schema(
                    allowableValues = {"email", "dingtalk", "wecom", "feishu", "webhook"},
                    example = "dingtalk")
            @Nullable
            String kind,

            @Schema(
                    maxLength = ChannelService.MAX_URL,
                    example = "https://oapi.dingtalk.com/robot/send?access_token=abc")
            @Nullable
            String url,

            @Schema(
                    description =
                            "The signing secret; a webhook's is a Standard Webhooks whsec_ secret. Never returned.",
                    maxLength = ChannelService.MAX_SECRET,
                    writeOnly = true)
            @Nullable
            String secret,

            @Nullable Boolean enabled,

            @Schema(description = "The caller's own robot (DingTalk, WeCom or Feishu) rather than the organization's.")
            @Nullable
            Boolean personal) {}

    /** A change to a channel (JSON Merge Patch): a field left out stays as it is; its kind cannot change. */
    @KnownFieldsOnly
    record ChannelPatch(
            @Schema(maxLength = ChannelService.MAX_NAME, example = "销售群机器人")
            Patch<String> name,

            @Schema(maxLength = ChannelService.MAX_URL) Patch<String> url,

            @Schema(maxLength = ChannelService.MAX_SECRET, writeOnly = true, description = "null removes it")
            Patch<@Nullable String> secret,

            Patch<Boolean> enabled) {}

    /** What the platform answered a test message. */
    record TestResponse(
            @Schema(
                    allowableValues = {"sent", "retry", "failed", "skipped"},
                    example = "sent")
            String status,

            @Schema(description = "The platform's status and body; null when it gave none.") @Nullable
            String answer,

            @Nullable String reason) {}

    @GetMapping
    CursorPage<ChannelResponse> list(Actor actor) {
        return new CursorPage<>(
                channels.list(actor).stream().map(this::response).toList(), null);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ChannelResponse> create(Actor actor, @RequestBody CreateChannelRequest request) {
        ChannelRow created = channels.create(
                actor,
                request.name(),
                request.kind(),
                request.url(),
                request.secret(),
                request.enabled(),
                Boolean.TRUE.equals(request.personal()));
        return ETags.created("/api/v1/channels/" + created.id(), response(created), created.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<ChannelResponse> get(Actor actor, @PathVariable UUID id) {
        ChannelRow channel = channels.get(actor, id);
        return ETags.ok(response(channel), channel.version());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ChannelResponse> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ChannelPatch body) {
        MergePatch patch = new MergePatch(Patch.fields(body), ChannelService.PATCHABLE);
        ChannelRow changed = channels.update(actor, id, patch, ETags.expected(ifMatch));
        return ETags.ok(response(changed), changed.version());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        channels.delete(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }

    /** Sends a test message now, outside the queue, and answers what the platform said. */
    @PostMapping("/{id}/test")
    TestResponse test(Actor actor, @PathVariable UUID id) {
        ChannelService.TestAnswer answer = channels.test(actor, id);
        return new TestResponse(answer.status(), answer.answer(), answer.reason());
    }

    private ChannelResponse response(ChannelRow channel) {
        return ChannelResponse.of(channel, channels.configured(channel.kind()));
    }
}
