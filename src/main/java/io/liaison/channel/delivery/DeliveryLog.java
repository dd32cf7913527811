package io.liaison.channel.delivery;

import io.liaison.channel.ChannelPermissions;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.StoredMessages;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log: the organization's deliveries for those who manage its channels, a member's own
 * robots' deliveries for that member, each reason in the reader's language; a failed delivery can
 * be queued again.
 */
@Service
public class DeliveryLog {

    public static final List<String> STATES = List.of("queued", "sending", "sent", "failed", "skipped");

    private final DeliveryRepository deliveries;
    private final StoredMessages texts;

    DeliveryLog(DeliveryRepository deliveries, StoredMessages texts) {
        this.deliveries = deliveries;
        this.texts = texts;
    }

    @Transactional(readOnly = true)
    public CursorPage<DeliveryView> list(
            Actor actor, @Nullable UUID channelId, @Nullable String state, @Nullable String cursor, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw LiaisonException.invalid("state", "invalid.one-of", String.join(", ", STATES));
        }
        List<DeliveryView> rows = deliveries.page(
                actor.orgId(),
                actor.memberId(),
                actor.can(ChannelPermissions.MANAGE),
                channelId,
                state,
                CursorPage.decode(cursor),
                limit + 1);
        return CursorPage.of(rows, limit, DeliveryView::id).map(this::said);
    }

    /** A delivery the actor may read: another member's robot's or another organization's is not found. */
    @Transactional(readOnly = true)
    public DeliveryView get(Actor actor, UUID id) {
        DeliveryRepository.Owned found = deliveries
                .find(actor.orgId(), id)
                .filter(d -> d.ownerId() == null || d.ownerId().equals(actor.memberId()))
                .orElseThrow(() -> LiaisonException.notFound("delivery", id));
        if (found.ownerId() == null && !actor.can(ChannelPermissions.MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-channels");
        }
        return said(found.delivery());
    }

    /** Queues a failed delivery again, with a new 24-hour window of retries. */
    @Transactional
    public DeliveryView retry(Actor actor, UUID id) {
        get(actor, id);
        if (!deliveries.retry(actor.orgId(), id)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "delivery-not-failed", id);
        }
        return get(actor, id);
    }

    /** The view with its stored reason in the reader's language. */
    private DeliveryView said(DeliveryView d) {
        return d.withReason(texts.read(d.reason()));
    }
}
