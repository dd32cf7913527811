/**
 * Stay-in-touch cadences: per contact or per tag, the contacts whose cadence has lapsed, and bringing them up to their owners once per due period.
 */
@NullMarked
package io.liaison.task.cadence;

import org.jspecify.annotations.NullMarked;
