/**
 * A contact's engagement for the contact page and the API: the latest recorded contact with it, an
 * activity score from 0 to 100 over the last 90 days and its weekly trend, read from the contact's
 * daily figures ({@code analytics_contact_day}).
 */
@NullMarked
package io.liaison.analytics.engagement;

import org.jspecify.annotations.NullMarked;
