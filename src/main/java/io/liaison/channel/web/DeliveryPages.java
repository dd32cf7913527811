package io.liaison.channel.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.channel.config.ChannelRow;
import io.liaison.channel.config.ChannelService;
import io.liaison.channel.delivery.DeliveryLog;
import io.liaison.channel.delivery.DeliveryView;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The delivery log, newest first: all channels the member manages or one, filtered by state; each
 * delivery opens to the request and answer (secrets hidden) and a failed one can be sent again.
 */
@Controller
@RequestMapping("/deliveries")
class DeliveryPages {

    static final int PAGE_SIZE = 50;

    private final DeliveryLog log;
    private final ChannelService channels;

    DeliveryPages(DeliveryLog log, ChannelService channels) {
        this.log = log;
        this.channels = channels;
    }

    /** The filters as the page's links send them; "load more" repeats them with the cursor. */
    record LogQuery(
            @Nullable UUID channel,
            @Nullable String state,
            @Nullable String cursor) {}

    @GetMapping
    String page(Actor actor, LogQuery query, Model model) {
        rows(actor, query, model);
        model.addAttribute("states", DeliveryLog.STATES);
        return "channel/deliveries";
    }

    @HxRequest
    @GetMapping
    String rows(Actor actor, LogQuery query, Model model) {
        List<ChannelRow> visible = channels.list(actor);
        if (query.channel() != null && visible.stream().noneMatch(c -> c.id().equals(query.channel()))) {
            channels.get(actor, query.channel()); // says why: not found, or not the member's to manage
        }
        String state = query.state() == null || query.state().isBlank() ? null : query.state();
        CursorPage<DeliveryView> page = log.list(actor, query.channel(), state, query.cursor(), PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("page", page);
        model.addAttribute("channels", visible);
        model.addAttribute("names", names(visible));
        return "channel/deliveries :: rows";
    }

    /** Queues a failed delivery again and shows its row as it is now. */
    @HxRequest
    @PostMapping("/{id}/retry")
    String retry(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("d", log.retry(actor, id));
        model.addAttribute("names", names(channels.list(actor)));
        return "channel/deliveries :: row";
    }

    private static Map<UUID, String> names(List<ChannelRow> visible) {
        return visible.stream().collect(Collectors.toMap(ChannelRow::id, ChannelRow::name, (a, b) -> a));
    }
}
