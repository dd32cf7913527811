/** The figures' REST API: the rebuild under {@code /api/v1/analytics/rebuild}. */
@NullMarked
package io.liaison.analytics.figures.api;

import org.jspecify.annotations.NullMarked;
