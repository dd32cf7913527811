/** The analytics REST API: the figures, and each one's series by day, week or month, in JSON or CSV. */
@NullMarked
package io.liaison.analytics.api;

import org.jspecify.annotations.NullMarked;
