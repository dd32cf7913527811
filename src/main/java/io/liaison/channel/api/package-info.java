/** The REST resources {@code /api/v1/channels} and {@code /api/v1/deliveries}. */
@NullMarked
package io.liaison.channel.api;

import org.jspecify.annotations.NullMarked;
