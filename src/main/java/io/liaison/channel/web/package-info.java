/** The channel settings and delivery log pages, rendered with Thymeleaf and changed over htmx. */
@NullMarked
package io.liaison.channel.web;

import org.jspecify.annotations.NullMarked;
