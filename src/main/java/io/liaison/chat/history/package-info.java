/**
 * What the chat's history gives beyond the messages themselves: each conversation's activity per day
 * on the timelines of its contacts, a guest's messages as contact with their contact, and the export
 * of a group's history.
 */
@NullMarked
package io.liaison.chat.history;

import org.jspecify.annotations.NullMarked;
