package io.liaison.channel.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.channel.ChannelKind;
import io.liaison.channel.ChannelPermissions;
import io.liaison.channel.config.ChannelRow;
import io.liaison.channel.config.ChannelService;
import io.liaison.identity.Actor;
import io.liaison.shared.MergePatch;
import io.liaison.shared.web.PanelPages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The channel settings: the organization's channels for those who manage them, and every member's
 * own robots. A secret is typed once and never shown again; an empty secret field keeps it. The
 * test button sends at once and shows what the platform answered.
 */
@Controller
@RequestMapping("/channels")
class ChannelPages extends PanelPages<Actor> {

    private static final List<ChannelKind> ROBOTS =
            List.of(ChannelKind.DINGTALK, ChannelKind.WECOM, ChannelKind.FEISHU);
    /** The robots first: most organizations set up a group robot, fewer a webhook or an address. */
    private static final List<ChannelKind> ALL = List.of(
            ChannelKind.DINGTALK, ChannelKind.WECOM, ChannelKind.FEISHU, ChannelKind.WEBHOOK, ChannelKind.EMAIL);

    private final ChannelService channels;

    ChannelPages(ChannelService channels) {
        super("channel/channels");
        this.channels = channels;
    }

    @Override
    protected void list(Actor actor, Model model) {
        List<ChannelRow> all = channels.list(actor);
        boolean manage = actor.can(ChannelPermissions.MANAGE);
        model.addAttribute("managesShared", manage);
        model.addAttribute(
                "shared", all.stream().filter(c -> c.ownerId() == null).toList());
        model.addAttribute("mine", all.stream().filter(c -> c.ownerId() != null).toList());
        model.addAttribute("kinds", manage ? ALL : ROBOTS);
        model.addAttribute("emailConfigured", channels.configured(ChannelKind.EMAIL));
    }

    @PostMapping
    String create(
            Actor actor,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) @Nullable String secret,
            @RequestParam(defaultValue = "false") boolean personal,
            Model model) {
        ChannelRow created = channels.create(actor, name, kind, url, secret, true, personal);
        return afterChange(actor, model, "channels.created", created.name());
    }

    @HxRequest
    @GetMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("channel", channels.get(actor, id));
        return "channel/channels :: edit";
    }

    /**
     * Saves name and enabled and, when typed, a new address or secret (the stored ones are never shown
     * again, so an empty field keeps them); a ticked removal removes the secret.
     */
    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) @Nullable String secret,
            @RequestParam(defaultValue = "false") boolean removeSecret,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam long version,
            Model model) {
        Map<String, @Nullable Object> changes = new HashMap<>();
        changes.put("name", name);
        if (!url.isBlank()) {
            changes.put("url", url);
        }
        changes.put("enabled", enabled);
        if (removeSecret) {
            changes.put("secret", null);
        } else if (secret != null && !secret.isBlank()) {
            changes.put("secret", secret);
        }
        ChannelRow changed = channels.update(actor, id, new MergePatch(changes, ChannelService.PATCHABLE), version);
        return afterChange(actor, model, "channels.updated", changed.name());
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, @RequestParam long version, Model model) {
        String name = channels.get(actor, id).name();
        channels.delete(actor, id, version);
        return afterChange(actor, model, "channels.deleted", name);
    }

    /** Sends a test message now and shows the platform's answer under the channel's row. */
    @HxRequest
    @PostMapping("/{id}/test")
    String test(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("channel", channels.get(actor, id));
        model.addAttribute("answer", channels.test(actor, id));
        return "channel/channels :: answer";
    }
}
