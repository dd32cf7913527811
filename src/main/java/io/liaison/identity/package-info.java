/**
 * Who is acting: organizations (the tenants), their department tree, members, login, API tokens and
 * the current {@link io.liaison.identity.Actor}. Depends on nothing but {@code shared}.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package io.liaison.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
