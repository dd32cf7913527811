/**
 * The {@code demo-data} command: fills the first organization with a large, realistic data set
 * (departments, members, tags, contacts, e-mails, follow-ups, and a year of events: group messages,
 * pushes, opt-outs, tasks) through PostgreSQL COPY, for demos and for measuring search, lists and
 * analytics at a million contacts. The contacts go through {@code
 * contact}'s bulk writer ({@link io.liaison.contact.ContactCopy}, the one imports use), so that
 * they are stored and found as imported ones are; members, departments, tags, follow-ups and the events are
 * written straight into their tables, like a migration would; {@link io.liaison.demo.AfterDemoData}
 * beans then recompute what is kept from events.
 */
@ApplicationModule(allowedDependencies = {"shared", "contact", "analytics"})
@NullMarked
package io.liaison.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
