/** The REST resource {@code /api/v1/push-templates}. */
@NullMarked
package io.liaison.push.template.api;

import org.jspecify.annotations.NullMarked;
