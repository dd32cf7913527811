/**
 * Reading the figures: a series of one figure by day, week or month, figures by tag, by source and by
 * member, each within what the viewer's data scope covers ({@code ContactAccess.figuresOf}) and the
 * filters of a member, a department's tree or a tag, as plain SQL over the {@code analytics_*} rows.
 */
@NullMarked
package io.liaison.analytics.report;

import org.jspecify.annotations.NullMarked;
