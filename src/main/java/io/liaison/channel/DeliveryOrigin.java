package io.liaison.channel;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What asked for a delivery, so that the module can follow it: {@code module} names the module
 * ({@code notify}, {@code push}, ...), {@code sourceId} its row (a notification, a push recipient).
 * {@code urgent} deliveries ignore quiet hours and go before the others of their channel.
 */
public record DeliveryOrigin(String module, @Nullable UUID sourceId, boolean urgent) {}
