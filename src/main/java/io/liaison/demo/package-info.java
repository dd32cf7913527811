/**
 * The {@code demo-data} command: fills the first organization with a large, realistic data set
 * (departments, members, tags, contacts, e-mails, follow-ups) through PostgreSQL COPY, for demos
 * and for measuring search and lists at a million contacts. Writes straight into the tables of the
 * other modules, like a migration would, and so depends on their schema, not their code, with one
 * exception: a contact's search keys are computed by {@code contact}'s {@link
 * io.liaison.contact.SearchText}, so that the demo contacts are found as typed ones are.
 */
@ApplicationModule(allowedDependencies = {"shared", "contact"})
@NullMarked
package io.liaison.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
