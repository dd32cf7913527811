/**
 * Signals between the nodes of a cluster: small payloads (ids, never content) that tell every node
 * that something changed, so that it can read the change from the database and push it to the
 * browsers it holds. {@link Signals} is the interface; {@link PostgresSignals} carries them over
 * PostgreSQL's LISTEN/NOTIFY, so Liaison needs no second server. A Redis or NATS adapter would
 * implement the same interface.
 */
@NullMarked
package io.liaison.shared.bus;

import org.jspecify.annotations.NullMarked;
