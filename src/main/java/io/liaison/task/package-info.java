/**
 * Tasks and schedules: follow-up tasks assigned to members and linked to contacts and customer groups,
 * recurring ones, events with attendees, reminders that fire once across nodes, stay-in-touch
 * cadences, and each member's private ICS feed. A task linked to a contact is visible to whoever sees
 * the contact, and to its assignees and creator.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "access", "contact", "chat", "channel", "notify"})
@NullMarked
package io.liaison.task;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
