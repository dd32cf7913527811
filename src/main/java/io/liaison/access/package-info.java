/**
 * Who may see and change what: turns an {@link io.liaison.identity.Actor} into the SQL predicates
 * that every read and write of contacts applies, and declares the contact permissions those rules
 * check ({@link io.liaison.access.ContactPermissions}). Depends on {@code identity}.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package io.liaison.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
