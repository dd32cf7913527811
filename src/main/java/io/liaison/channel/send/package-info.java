/** Sending one message through one platform: the adapters, their rate limits and the HTTP they use. */
@NullMarked
package io.liaison.channel.send;

import org.jspecify.annotations.NullMarked;
