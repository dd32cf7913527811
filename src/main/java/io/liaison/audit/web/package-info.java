/** The audit log page for administrators, rendered with Thymeleaf; the template also serves its htmx rows. */
@NullMarked
package io.liaison.audit.web;

import org.jspecify.annotations.NullMarked;
