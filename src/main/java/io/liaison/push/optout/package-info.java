/**
 * Contacts who want no pushes: the unsubscribe link of a push e-mail and its public page, the
 * members' API to record an opt-out or an opt-in, and both on the contact's timeline.
 */
@NullMarked
package io.liaison.push.optout;

import org.jspecify.annotations.NullMarked;
