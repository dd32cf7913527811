/**
 * External contacts: their fields and custom fields, tag groups and tags, sharing, follow-up
 * records, timeline and trash. Reads and writes go through the visibility rules of {@code access}.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "access"})
@NullMarked
package io.liaison.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
