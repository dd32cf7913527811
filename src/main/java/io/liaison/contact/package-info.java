/**
 * External contacts: their fields and custom fields, tag groups and tags, sharing, follow-up
 * records, timeline and trash. Reads and writes go through the visibility rules of {@code access}.
 * The root package is what other modules use; {@code search}, {@code tag}, {@code field}, {@code
 * followup} and {@code trash} (with {@code web} and {@code api}) are the module's own.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "access"})
@NullMarked
package io.liaison.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
