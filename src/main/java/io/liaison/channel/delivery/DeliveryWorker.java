package io.liaison.channel.delivery;

import io.liaison.channel.DeliveryEnded;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.config.ChannelLookup;
import io.liaison.channel.config.ChannelRow;
import io.liaison.channel.send.Adapters;
import io.liaison.channel.send.ChannelAdapter;
import io.liaison.channel.send.ChannelSettings;
import io.liaison.channel.send.RateLimit;
import io.liaison.channel.send.SendResult;
import io.liaison.channel.send.Target;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries. A claim is one short transaction: lock a small batch of due rows with
 * {@code SKIP LOCKED} (so that any number of workers on any nodes take disjoint rows), hold back the
 * rows whose target is at its rate limit (a later {@code next_attempt_at}, not a failure), and mark
 * the rest {@code sending} with one more attempt. Sending happens after the commit, one row at a
 * time; each result is recorded in its own transaction, guarded by the claim, with the {@link
 * DeliveryEnded} event when the row ends. A row left {@code sending} past its lease is taken back.
 */
class DeliveryWorker {

    static final String SENT = "sent";
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final DeliveryRepository deliveries;
    private final ChannelLookup channels;
    private final Adapters adapters;
    private final JsonMapper json;
    private final StoredMessages texts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ChannelSettings settings;

    DeliveryWorker(
            DeliveryRepository deliveries,
            ChannelLookup channels,
            Adapters adapters,
            JsonMapper json,
            StoredMessages texts,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            ChannelSettings settings) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.adapters = adapters;
        this.json = json;
        this.texts = texts;
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
    }

    /** Sends batches until none is due or {@code budget} is spent; answers how many rows were sent or ended. */
    int drain(Duration budget) {
        Instant stop = Instant.now().plus(budget);
        takeBackAbandoned();
        int done = 0;
        while (Instant.now().isBefore(stop)) {
            String claim = NODE + "/" + UUID.randomUUID();
            Claim taken = transaction.execute(status -> claim(claim));
            if (taken == null || taken.locked() == 0) {
                return done;
            }
            List<Claimed> batch = taken.sending();
            Map<UUID, Optional<ChannelRow>> channelsOfBatch = new HashMap<>();
            Instant held = Instant.now().plus(settings.lease().dividedBy(2));
            for (int i = 0; i < batch.size(); i++) {
                if (Instant.now().isAfter(held)) {
                    List<UUID> rest = batch.subList(i, batch.size()).stream()
                            .map(Claimed::id)
                            .toList();
                    transaction.executeWithoutResult(status -> deliveries.release(claim, rest));
                    return done;
                }
                send(batch.get(i), claim, channelsOfBatch);
                done++;
            }
        }
        return done;
    }

    /** Locks due rows, holds back the ones over a rate limit and marks the others sending. */
    private Claim claim(String claim) {
        List<Claimed> claimed = new ArrayList<>();
        Set<String> locked = new HashSet<>();
        List<Claimed> due = deliveries.lockDue(settings.batch());
        for (Claimed row : due) {
            Optional<ChannelAdapter> adapter = adapters.of(row.kind());
            if (adapter.isEmpty()) {
                end(row, null, DeliveryQueue.SKIPPED, null, null, Message.of("channel.reason.notConfigured"));
                continue;
            }
            List<RateLimit> limits = adapter.get().rateLimits();
            if (!limits.isEmpty() && locked.add(row.targetKey())) {
                deliveries.lockTarget(row.targetKey());
            }
            Optional<Instant> frees = Optional.empty();
            for (RateLimit limit : limits) {
                Optional<Instant> at = deliveries.limitFrees(row, limit.permits(), limit.per());
                if (at.isPresent() && (frees.isEmpty() || at.get().isAfter(frees.get()))) {
                    frees = at;
                }
            }
            if (frees.isPresent()) {
                deliveries.defer(row, frees.get());
            } else {
                claimed.add(row.attempted());
            }
        }
        deliveries.markSending(claimed, claim);
        return new Claim(due.size(), claimed);
    }

    /** How many due rows a claim locked, and those it marked sending (the others ended or wait). */
    private record Claim(int locked, List<Claimed> sending) {}

    /**
     * Sends one claimed row. The batch reads each channel once ({@code channelsOfBatch}): a channel
     * disabled or deleted meanwhile stops its rows from the next batch on, within seconds.
     */
    private void send(Claimed row, String claim, Map<UUID, Optional<ChannelRow>> channelsOfBatch) {
        Target target;
        Optional<ChannelRow> channel = Optional.empty();
        if (row.channelId() != null) {
            channel = channelsOfBatch.computeIfAbsent(row.channelId(), id -> channels.find(row.orgId(), id));
            Optional<Message> notNow = channel.isEmpty() || channel.get().deletedAt() != null
                    ? Optional.of(Message.of("channel.reason.deleted"))
                    : channel.get().enabled() ? Optional.empty() : Optional.of(Message.of("channel.reason.disabled"));
            if (notNow.isPresent()) {
                transaction.executeWithoutResult(
                        status -> end(row, claim, DeliveryQueue.SKIPPED, null, null, notNow.get()));
                return;
            }
            target = channels.target(channel.get(), row.id(), row.messageId());
        } else {
            target = new Target(row.id(), row.emailAddress(), null);
        }
        SendResult result;
        try {
            result = adapters.of(row.kind())
                    .orElseThrow()
                    .send(target, json.readValue(row.message(), OutboundMessage.class));
        } catch (RuntimeException e) {
            log.error("The {} adapter threw on delivery {}; it is tried again later", row.kind(), row.id(), e);
            result = SendResult.retry("", null, "channel.reason.noAnswer", null);
        }
        SendResult outcome = result;
        boolean wasFailing =
                channel.map(c -> c.failures() > 0 || c.failingSince() != null).orElse(false);
        transaction.executeWithoutResult(status -> record(row, claim, outcome, wasFailing));
        if (row.channelId() != null && outcome.outcome() != SendResult.Outcome.SENT) {
            // the channel's count of failures changed: read it again for the rest of the batch
            channelsOfBatch.remove(row.channelId());
        }
    }

    /** Records one attempt; a success clears the channel's failures only when it had some. */
    private void record(Claimed row, String claim, SendResult result, boolean channelWasFailing) {
        if (result.outcome() == SendResult.Outcome.SENT) {
            end(row, claim, SENT, result.request(), result.answer(), null);
            if (channelWasFailing && row.channelId() != null) {
                channels.succeeded(row.orgId(), row.channelId());
            }
            return;
        }
        Message reason = result.reasonMessage();
        if (row.channelId() != null) {
            channels.failed(row.orgId(), row.channelId(), settings.failingAfter(), texts.store(reason))
                    .ifPresent(events::publishEvent);
        }
        if (result.outcome() == SendResult.Outcome.FAILED) {
            end(row, claim, DeliveryQueue.FAILED, result.request(), result.answer(), reason);
            return;
        }
        Instant next = Instant.now().plus(Backoff.delay(row.attempts(), result.retryAfter()));
        if (next.isAfter(row.createdAt().plus(retryFor(row)))) {
            end(row, claim, DeliveryQueue.FAILED, result.request(), result.answer(), expired(row, reason));
        } else if (!deliveries.requeue(row, claim, next, result.request(), result.answer(), texts.store(reason))) {
            log.warn("Delivery {} was taken back from this node before its answer was recorded", row.id());
        }
    }

    /** Ends a row and publishes its end; a row whose claim was lost is left to its new worker. */
    private void end(
            Claimed row,
            @Nullable String claim,
            String state,
            @Nullable String request,
            @Nullable String answer,
            @Nullable Message reason) {
        String stored = reason == null ? null : texts.store(reason);
        if (deliveries.end(row, claim, state, request, answer, stored)) {
            events.publishEvent(new DeliveryEnded(row.orgId(), row.id(), row.origin(), state, stored));
        } else {
            log.warn("Delivery {} was taken back from this node before its end was recorded", row.id());
        }
    }

    /** Rows whose node died (or hung past the lease) mid-send go back to the queue, their attempt counted. */
    private void takeBackAbandoned() {
        transaction.executeWithoutResult(status -> {
            for (Claimed row : deliveries.lockAbandoned(settings.lease(), 100)) {
                Message interrupted = Message.of("channel.reason.interrupted");
                if (Instant.now().isAfter(row.createdAt().plus(retryFor(row)))) {
                    end(row, null, DeliveryQueue.FAILED, null, null, expired(row, interrupted));
                } else {
                    deliveries.takeBack(row, texts.store(interrupted));
                }
            }
        });
    }

    /** How long the row is retried: its own window, or the setting. */
    private Duration retryFor(Claimed row) {
        return row.retryFor() != null ? row.retryFor() : settings.retryFor();
    }

    private Message expired(Claimed row, Message reason) {
        return Message.of("channel.reason.expired", retryFor(row).toHours(), reason);
    }
}
