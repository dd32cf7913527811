/**
 * The member-facing notification centre: notifications raised from other modules' events, the bell's
 * unread count, and each member's choice of where each kind also goes (e-mail, their own robot).
 * Other modules contribute {@link io.liaison.notify.NotificationKind} beans and raise with {@link
 * io.liaison.notify.Notifications#raise}.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "channel", "contact", "integration"})
@NullMarked
package io.liaison.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
