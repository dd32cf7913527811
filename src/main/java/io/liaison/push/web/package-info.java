/** The push pages: the list, the composer and a push with its recipients, rendered with Thymeleaf. */
@NullMarked
package io.liaison.push.web;

import org.jspecify.annotations.NullMarked;
