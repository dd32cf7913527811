/** The analytics module's pages: the home page, rendered with Thymeleaf. */
@NullMarked
package io.liaison.analytics.web;

import org.jspecify.annotations.NullMarked;
