/**
 * The contact module's pages: the contact list, a contact with its follow-ups and timeline, the
 * contact form and the trash, rendered with Thymeleaf; each page template also serves its htmx fragments.
 */
@NullMarked
package io.liaison.contact.web;

import org.jspecify.annotations.NullMarked;
