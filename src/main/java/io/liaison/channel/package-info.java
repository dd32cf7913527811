/**
 * Outbound delivery: e-mail over SMTP, DingTalk / WeCom / Feishu group robots and signed webhooks.
 * Every message to a person or system outside the page is a delivery row, written in the
 * transaction that decides to send it and sent by workers that claim rows with {@code SKIP LOCKED}
 * on any node. The root package is what other modules use: {@link Deliveries} to queue (in order per
 * key, see {@link DeliveryOptions}) and follow deliveries, {@link Channels} to read configurations,
 * {@link WebhookChannels} for the hidden webhook channels a module owns, and the events a delivery's
 * end publishes.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package io.liaison.channel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
