/**
 * The append-only audit log: every {@link io.liaison.shared.AuditableEvent} is written in the
 * transaction that published it, and administrators browse it over the API and on a page.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package io.liaison.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
