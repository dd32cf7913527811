/**
 * The figures' daily aggregates kept from events, and the rebuild that recomputes them from the source
 * tables. An event names the cells it touched (a member's day of a metric, a contact's day, a group's
 * day, a task, a group's questions); its listener recomputes those cells from the sources with the
 * same SQL the rebuild runs over the whole organization, so a redelivered or reordered event cannot
 * count twice and the kept rows are by construction what the rebuild finds.
 */
@NullMarked
package io.liaison.analytics.figures;

import org.jspecify.annotations.NullMarked;
