/** The review module's REST API under {@code /api/v1}. */
@NullMarked
package io.liaison.review.api;

import org.jspecify.annotations.NullMarked;
