/** The review module's REST API: duplicate pairs and their dismissal. */
@NullMarked
package io.liaison.review.api;

import org.jspecify.annotations.NullMarked;
