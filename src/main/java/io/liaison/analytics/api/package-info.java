/**
 * The analytics module's REST API: the figures and each one's series by day, week or month in JSON or
 * CSV, the workbench, and a contact's engagement.
 */
@NullMarked
package io.liaison.analytics.api;

import org.jspecify.annotations.NullMarked;
