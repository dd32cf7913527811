package io.liaison.chat.live;

import io.liaison.identity.Caller;
import io.liaison.shared.LiaisonProperties;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The chat socket at {@code /ws}: a plain WebSocket (no STOMP), opened by a page with its session.
 * The security chains let only a signed-in member or guest through (anonymous: 401); here the
 * handshake is refused for another site's page (403: only the base URL's origin, or the request's
 * own, may open it, against cross-site WebSocket hijacking) and past the sockets a caller may hold
 * (429). A client frame longer than {@link LiveSettings#maxFrameSize()} closes the socket (1009).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveConfiguration implements WebSocketConfigurer {

    private final LiveHandler handler;
    private final Sockets sockets;
    private final LiveSettings settings;
    private final String origin;

    LiveConfiguration(LiveHandler handler, Sockets sockets, LiveSettings settings, LiaisonProperties properties) {
        this.handler = handler;
        this.sockets = sockets;
        this.settings = settings;
        this.origin = origin(properties.baseUrl());
    }

    /** The scheme, host and port of a URL, as a browser's {@code Origin} header says them. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws").setAllowedOrigins(origin).addInterceptors(new CallerHandshake());
    }

    /** Takes the caller from the session's authentication, with the language of their pages. */
    private final class CallerHandshake implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler wsHandler,
                Map<String, Object> attributes) {
            if (!(request.getPrincipal() instanceof Authentication authentication)
                    || !(authentication.getPrincipal() instanceof Caller caller)) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
            if (sockets.count(Who.of(caller)) >= settings.socketsPerCaller()) {
                response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                return false;
            }
            attributes.put(LiveHandler.CALLER, caller);
            HttpSession session = request instanceof ServletServerHttpRequest servlet
                    ? servlet.getServletRequest().getSession(false)
                    : null;
            if (session != null) {
                attributes.put(LiveHandler.BROWSER_SESSION, session.getId());
            }
            attributes.put(LiveHandler.LOCALE, LocaleContextHolder.getLocale());
            return true;
        }

        @Override
        public void afterHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler wsHandler,
                @org.jspecify.annotations.Nullable Exception exception) {
            // nothing to do once the socket is open
        }
    }
}
