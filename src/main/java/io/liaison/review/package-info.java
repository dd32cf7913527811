/**
 * Periodic review of the organization's contacts: findings (stale, invalid, incomplete, duplicate)
 * recomputed nightly and on demand, duplicate pairs and their merge with undo, review campaigns, the
 * hand-over of a leaving member's contacts, conversations and tasks, and the trash's retention.
 */
@ApplicationModule(
        allowedDependencies = {"shared", "identity", "access", "contact", "task", "chat", "notify", "channel"})
@NullMarked
package io.liaison.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
