package io.liaison.channel.delivery;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryEnded;
import io.liaison.channel.DeliveryOptions;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.DeliveryRecord;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.config.ChannelLookup;
import io.liaison.channel.config.ChannelRow;
import io.liaison.channel.send.Adapters;
import io.liaison.channel.send.ChannelAdapter;
import io.liaison.channel.send.MessageRefused;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the delivery rows of a message in the caller's transaction. What can be decided now is
 * decided now and kept with its reason: an unknown, deleted or disabled channel and a kind without
 * an adapter end {@code skipped}; a message over the limits or one the adapter refuses ends {@code
 * failed}. Everything else is queued, one row per part the adapter cut it into.
 */
@Service
class DeliveryQueue implements Deliveries {

    static final String QUEUED = "queued";
    static final String FAILED = "failed";
    static final String SKIPPED = "skipped";
    static final int MAX_WITHDRAW = 1_000;

    private final DeliveryRepository deliveries;
    private final DeliveryRecords records;
    private final ChannelLookup channels;
    private final Adapters adapters;
    private final JsonMapper json;
    private final StoredMessages texts;
    private final ApplicationEventPublisher events;

    DeliveryQueue(
            DeliveryRepository deliveries,
            DeliveryRecords records,
            ChannelLookup channels,
            Adapters adapters,
            JsonMapper json,
            StoredMessages texts,
            ApplicationEventPublisher events) {
        this.deliveries = deliveries;
        this.records = records;
        this.channels = channels;
        this.adapters = adapters;
        this.json = json;
        this.texts = texts;
        this.events = events;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> queue(
            UUID orgId,
            Destination destination,
            OutboundMessage message,
            DeliveryOrigin origin,
            @Nullable Instant notBefore) {
        return queue(orgId, destination, message, origin, notBefore, DeliveryOptions.none());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> queue(
            UUID orgId,
            Destination destination,
            OutboundMessage message,
            DeliveryOrigin origin,
            @Nullable Instant notBefore,
            DeliveryOptions options) {
        Instant now = Instant.now();
        Instant due = notBefore == null || notBefore.isBefore(now) ? now : notBefore;
        Rows rows = new Rows(orgId, destination, origin, due, options, null);
        ChannelKind kind;
        if (destination.channelId() != null) {
            Optional<ChannelRow> channel = channels.find(orgId, destination.channelId());
            if (channel.isEmpty()) {
                return rows.ended(null, message, SKIPPED, Message.of("channel.reason.unknownChannel"));
            }
            kind = channel.get().kind();
            if (channel.get().deletedAt() != null) {
                return rows.ended(kind, message, SKIPPED, Message.of("channel.reason.deleted"));
            }
            if (!channel.get().enabled()) {
                return rows.ended(kind, message, SKIPPED, Message.of("channel.reason.disabled"));
            }
        } else {
            kind = ChannelKind.EMAIL;
            String address = destination.emailAddress();
            if (address.length() > MessageLimits.EMAIL_ADDRESS || address.indexOf('@') < 1) {
                return rows.ended(
                        kind,
                        message,
                        FAILED,
                        Message.of(
                                "channel.reason.notAnEmail", MessageLimits.cut(address, MessageLimits.EMAIL_ADDRESS)));
            }
        }
        Optional<Message> tooLarge = MessageLimits.problem(message);
        if (tooLarge.isPresent()) {
            return rows.ended(kind, MessageLimits.cut(message), FAILED, tooLarge.get());
        }
        Optional<ChannelAdapter> adapter = adapters.of(kind);
        if (adapter.isEmpty()) {
            return rows.ended(kind, message, SKIPPED, Message.of("channel.reason.notConfigured"));
        }
        List<OutboundMessage> parts;
        try {
            parts = adapter.get().split(message);
        } catch (MessageRefused e) {
            return rows.ended(kind, message, FAILED, Message.of(e.reasonKey()));
        }
        if (parts.isEmpty()) {
            return rows.ended(kind, message, FAILED, Message.of("channel.reason.empty"));
        }
        return rows.queued(kind, parts);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> withdraw(UUID orgId, String module, Collection<UUID> originIds) {
        if (originIds.size() > MAX_WITHDRAW) {
            throw new IllegalArgumentException("At most " + MAX_WITHDRAW + " origins are withdrawn at once");
        }
        if (originIds.isEmpty()) {
            return List.of();
        }
        return deliveries.withdraw(
                orgId, module, List.copyOf(originIds), texts.store(Message.of("channel.reason.withdrawn")));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeliveryRecord> ofChannel(UUID orgId, UUID channelId, @Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_RECORDS) {
            throw new IllegalArgumentException("A page has 1 to " + MAX_RECORDS + " deliveries");
        }
        return records.ofChannel(orgId, channelId, CursorPage.decode(cursor), limit);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeliveryRecord> find(UUID orgId, UUID deliveryId) {
        return records.find(orgId, deliveryId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID redeliver(UUID orgId, UUID deliveryId) {
        DeliveryRecords.Original original = records.original(orgId, deliveryId)
                .orElseThrow(() -> LiaisonException.notFound("delivery", deliveryId));
        Rows rows = new Rows(
                orgId,
                original.destination(),
                original.origin(),
                Instant.now(),
                new DeliveryOptions(null, original.retryFor(), original.messageId()),
                deliveryId);
        if (original.kind() == null) {
            return rows.ended(null, original.message(), SKIPPED, Message.of("channel.reason.unknownChannel"))
                    .get(0);
        }
        return rows.queued(original.kind(), List.of(original.message())).get(0);
    }

    /** The rows of one call. */
    private final class Rows {

        private final UUID orgId;
        private final Destination destination;
        private final DeliveryOrigin origin;
        private final Instant due;
        private final DeliveryOptions options;
        private final @Nullable UUID redeliveryOf;

        Rows(
                UUID orgId,
                Destination destination,
                DeliveryOrigin origin,
                Instant due,
                DeliveryOptions options,
                @Nullable UUID redeliveryOf) {
            this.orgId = orgId;
            this.destination = destination;
            this.origin = origin;
            this.due = due;
            this.options = options;
            this.redeliveryOf = redeliveryOf;
        }

        List<UUID> ended(@Nullable ChannelKind kind, OutboundMessage message, String state, Message reason) {
            UUID id = Ids.newId();
            String stored = texts.store(reason);
            deliveries.insert(
                    orgId,
                    new NewDelivery(
                            id,
                            destination,
                            kind,
                            origin,
                            1,
                            1,
                            json.writeValueAsString(message),
                            state,
                            due,
                            stored,
                            options,
                            redeliveryOf));
            events.publishEvent(new DeliveryEnded(orgId, id, origin, state, stored));
            return List.of(id);
        }

        List<UUID> queued(ChannelKind kind, List<OutboundMessage> parts) {
            List<UUID> ids = new ArrayList<>(parts.size());
            if (options.orderKey() != null) {
                deliveries.lockOrder(orgId, options.orderKey());
            }
            for (int i = 0; i < parts.size(); i++) {
                UUID id = Ids.newId();
                deliveries.insert(
                        orgId,
                        new NewDelivery(
                                id,
                                destination,
                                kind,
                                origin,
                                i + 1,
                                parts.size(),
                                json.writeValueAsString(parts.get(i)),
                                QUEUED,
                                due,
                                null,
                                options,
                                redeliveryOf));
                ids.add(id);
            }
            return ids;
        }
    }
}
