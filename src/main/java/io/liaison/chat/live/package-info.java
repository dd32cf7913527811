/**
 * The chat socket, {@code /ws}: one plain WebSocket per open page of a member or a guest, JSON text
 * frames, authenticated by the page's session (the same cookie as its requests). It carries what
 * happens in every conversation its caller is in; posting, editing and recalling go through the REST
 * API, whose answers the socket then echoes to every open client, the poster's other tabs included.
 *
 * <p>Frames from the server, each with {@code type} and, but for the first three, {@code
 * conversationId}:
 *
 * <ul>
 *   <li>{@code {"type":"hello","heartbeatSeconds":25}}: sent on connect; a client that hears
 *       nothing (no frame and no ping) for twice that long reconnects.
 *   <li>{@code {"type":"ping"}}: every {@code heartbeatSeconds}; the client answers {@code
 *       {"type":"pong"}} (proxies close idle sockets; a socket that answers nothing for two
 *       heartbeats is closed by the server).
 *   <li>{@code {"type":"error","code":"...","message":"..."}}: a frame the server refused, the
 *       message in the caller's language.
 *   <li>{@code {"type":"message","conversationId":"...","seq":7,"message":{...}}}: a new message,
 *       {@code message} exactly as {@code GET /api/v1/conversations/{id}/messages} shows it to this
 *       caller. Per conversation, messages arrive in {@code seq} order and never twice on one socket.
 *   <li>{@code {"type":"edited"|"recalled","conversationId":"...","seq":7,"message":{...}}}: the
 *       message with that {@code seq} changed; {@code message} is its new state.
 *   <li>{@code {"type":"read","conversationId":"...","seq":7,"participantId":"..."}}: a
 *       participant's read state moved (the caller's own too, so that other tabs clear their
 *       badges); {@code participantId} is the member's or guest's id. A message's author has read it:
 *       posting moves the author's mark without a {@code read} frame.
 *   <li>{@code {"type":"typing","conversationId":"...","participantId":"...","name":"..."}}: someone
 *       is typing; shown for a few seconds.
 *   <li>{@code {"type":"conversation","conversationId":"..."}}: the conversation or its participants
 *       changed (name, announcement, settings, dissolved, someone added, removed or given a role);
 *       the client reads it again through the REST API.
 *   <li>{@code {"type":"removed","conversationId":"..."}}: the caller is no longer in it (removed,
 *       left on another tab, access ended); nothing more of it follows on this socket.
 * </ul>
 *
 * <p>Frames from the client:
 *
 * <ul>
 *   <li>{@code {"type":"resume","since":{"<conversationId>":7,...}}}: after a (re)connect, the last
 *       {@code seq} the client holds per conversation; the server sends every later message of each
 *       (the caller's conversations only, in order), then {@code {"type":"resumed","complete":true}}
 *       or, when a conversation missed more than the server replays at once, {@code "complete":false}
 *       with {@code "reload":["<conversationId>",...]} that the client pages through the REST API.
 *   <li>{@code {"type":"typing","conversationId":"..."}}, {@code {"type":"read","conversationId":"...",
 *       "seq":7}}, {@code {"type":"pong"}} and {@code {"type":"ping"}} (answered with a pong).
 * </ul>
 *
 * <p>What a guest's socket carries follows the group's settings as the REST API does: a guest who
 * may not see the participant list gets no one's {@code read} or {@code typing} frames but their
 * own.
 *
 * <p>The server closes a socket with code 1008 (policy) when its caller may no longer be here: a guest's
 * access ended or a member was deactivated (at once, on every node), or the browser session it was
 * opened from ended, by a logout or an expiry (within {@code liaison.chat.live.session-check}, a
 * minute by default). A client that reconnects then is refused until it logs in again. While a socket
 * is open, its browser session does not expire.
 */
package io.liaison.chat.live;
