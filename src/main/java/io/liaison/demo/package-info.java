/**
 * The {@code demo-data} command: fills the first organization with a large, realistic data set
 * (departments, members, tags, contacts, e-mails, follow-ups) through PostgreSQL COPY, for demos
 * and for measuring search and lists at a million contacts. The contacts go through {@code
 * contact}'s bulk writer ({@link io.liaison.contact.ContactCopy}, the one imports use), so that
 * they are stored and found as imported ones are; members, departments, tags and follow-ups are
 * written straight into their tables, like a migration would.
 */
@ApplicationModule(allowedDependencies = {"shared", "contact"})
@NullMarked
package io.liaison.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
