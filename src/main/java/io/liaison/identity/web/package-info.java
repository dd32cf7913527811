/**
 * The identity module's pages: login, departments, members, roles, profile and API tokens, rendered
 * with Thymeleaf; each page template also serves its htmx fragments.
 */
@NullMarked
package io.liaison.identity.web;

import org.jspecify.annotations.NullMarked;
