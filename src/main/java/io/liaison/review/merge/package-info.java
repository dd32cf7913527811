/** Merging duplicate contacts into one, and undoing a merge within its window. */
@NullMarked
package io.liaison.review.merge;

import org.jspecify.annotations.NullMarked;
