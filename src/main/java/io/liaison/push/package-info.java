/**
 * Mass push: a message to many external contacts at once (by e-mail), to customer groups (in their
 * chat) and to robots or webhooks, chosen by tags, filters and groups, always within what the sender
 * may see. A push is rendered per recipient from a template, sent now or at a set time, held for
 * approval past the organization's threshold, capped per contact, and accounts for every recipient:
 * queued, sent, delivered, failed or skipped, with the reason.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "access", "contact", "channel", "chat"})
@NullMarked
package io.liaison.push;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
