/** The review module's pages, rendered with Thymeleaf; each uses the tabs of {@code review/tabs.html}. */
@NullMarked
package io.liaison.review.web;

import org.jspecify.annotations.NullMarked;
