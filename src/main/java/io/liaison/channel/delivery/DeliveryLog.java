package io.liaison.channel.delivery;

import io.liaison.channel.ChannelPermissions;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log: the organization's deliveries for those who manage its channels, a member's own
 * robots' deliveries for that member; a failed delivery can be queued again.
 */
@Service
public class DeliveryLog {

    public static final Set<String> STATES = Set.of("queued", "sending", "sent", "failed", "skipped");

    private final DeliveryRepository deliveries;

    DeliveryLog(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Transactional(readOnly = true)
    public CursorPage<DeliveryView> list(
            Actor actor, @Nullable UUID channelId, @Nullable String state, @Nullable String cursor, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw LiaisonException.invalid("state", "invalid.one-of", "queued, sending, sent, failed, skipped");
        }
        List<DeliveryView> rows = deliveries.page(
                actor.orgId(),
                actor.memberId(),
                actor.can(ChannelPermissions.MANAGE),
                channelId,
                state,
                CursorPage.decode(cursor),
                limit + 1);
        return CursorPage.of(rows, limit, DeliveryView::id);
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
        return found.delivery();
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
}
