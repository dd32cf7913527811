/**
 * The workbench: the home page a member starts from, with their organization at a glance.
 * Depends on {@code identity} for the actor and the organization's members and departments.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package io.liaison.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
