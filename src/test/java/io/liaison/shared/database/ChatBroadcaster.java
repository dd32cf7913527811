package io.liaison.shared.database;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * The floor of the chat socket benchmark: the least a Java WebSocket server does to relay a chat
 * message. Embedded Tomcat (the server Liaison runs on) with one plain {@code jakarta.websocket}
 * endpoint, {@code /ws}, that sends each text frame it receives to every other connected client, in
 * the thread that received it; no authentication, no JSON, no database. Run in its own JVM with the
 * flags Liaison gets ({@link #start}).
 */
public final class ChatBroadcaster {

    private ChatBroadcaster() {}

    /** {@code <port> <work directory>}. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[1]);
        tomcat.setPort(port);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        context.addServletContainerInitializer(new WsSci(), null);
        // Tomcat runs the WebSocket upgrade filter only for a request that some servlet is mapped to.
        Tomcat.addServlet(context, "nothing", new HttpServlet() {});
        context.addServletMappingDecoded("/", "nothing");
        tomcat.start();
        ServerContainer container =
                (ServerContainer) context.getServletContext().getAttribute(ServerContainer.class.getName());
        container.addEndpoint(
                ServerEndpointConfig.Builder.create(Relay.class, "/ws").build());
        System.out.println("Broadcaster listening on port " + port);
        tomcat.getServer().await();
    }

    /** The endpoint: every open session, and each text frame sent on to all the others. */
    public static final class Relay extends Endpoint {

        private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            SESSIONS.add(session);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> relay(session, text));
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            SESSIONS.remove(session);
        }

        @Override
        public void onError(Session session, Throwable error) {
            SESSIONS.remove(session);
        }

        private static void relay(Session from, String text) {
            for (Session session : SESSIONS) {
                if (session != from && session.isOpen()) {
                    try {
                        session.getBasicRemote().sendText(text);
                    } catch (IOException | IllegalStateException gone) {
                        SESSIONS.remove(session);
                    }
                }
            }
        }
    }

    /**
     * Starts the broadcaster in its own JVM on {@code port} with {@code jvmFlags}, its output in {@code
     * dir}, and waits until it accepts connections.
     */
    static Process start(Path dir, int port, List<String> jvmFlags) throws IOException, InterruptedException {
        Path log = dir.resolve("broadcaster.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of(
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ChatBroadcaster.class.getName(),
                Integer.toString(port),
                Files.createDirectories(dir.resolve("broadcaster")).toString()));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broadcaster exited: " + Files.readString(log));
            }
            if (Files.readString(log).contains("Broadcaster listening")) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("localhost", port), 1000);
                    return process;
                } catch (IOException notYet) {
                    // the connector opens as Tomcat starts
                }
            }
            Thread.sleep(200);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException("The broadcaster did not start within 2 minutes; see " + log);
    }
}
