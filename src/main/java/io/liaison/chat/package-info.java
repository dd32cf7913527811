/**
 * Group chats: internal groups, customer groups with external contacts as guests, and direct
 * conversations; their participants, messages, files and read state. The root package is what other
 * modules and the module's own parts use: {@link ChatFiles} for the files messages carry, {@link
 * FileReaders} for who besides the uploader may read one, {@link ChatMessages} for a message a
 * participant quotes elsewhere (a task made of it).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "access", "contact", "notify", "channel"})
@NullMarked
package io.liaison.chat;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
