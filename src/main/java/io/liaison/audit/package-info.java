/**
 * The append-only audit log: every {@link io.liaison.shared.AuditableEvent} is written in the
 * transaction that published it, and holders of {@code audit.read} browse it
 * over the API and on a page, with contact details masked as everywhere else.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "access"})
@NullMarked
package io.liaison.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
