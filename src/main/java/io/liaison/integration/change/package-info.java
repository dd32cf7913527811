/**
 * The change feed: every change of a contact, conversation, push or task, recorded in the transaction
 * of the change and read in commit-safe order with a resumable cursor, by webhooks and by pollers.
 */
@NullMarked
package io.liaison.integration.change;

import org.jspecify.annotations.NullMarked;
