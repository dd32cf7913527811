/**
 * The chat pages: members' at {@code /chats} and guests' in their portal at {@code /guest/chats}, one
 * template and one script over the conversations API and the chat socket.
 */
@NullMarked
package io.liaison.chat.web;

import org.jspecify.annotations.NullMarked;
