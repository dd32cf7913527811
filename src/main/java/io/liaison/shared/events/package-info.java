/**
 * The outbox between modules (Spring Modulith's event publication registry, table {@code
 * event_publication}) kept moving on a living cluster: {@link StaleEventRedelivery} delivers again
 * the publications no node finished, without waiting for a node to start.
 */
@NullMarked
package io.liaison.shared.events;

import org.jspecify.annotations.NullMarked;
