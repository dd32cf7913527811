package io.liaison.channel.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 that verifies requests the way the Standard Webhooks
 * specification tells receivers to, written here independently of the signer: the signed content is
 * {@code id.timestamp.body}, the key the Base64 after {@code whsec_}, any of the space-separated
 * {@code v1,} signatures may match (compared in constant time), and a timestamp more than five
 * minutes off is refused. It answers 204 to a verified request and 401 to any other.
 */
final class WebhookReceiver implements AutoCloseable {

    static final long TOLERANCE_SECONDS = 5 * 60;

    record Received(String id, String body, boolean verified, String signatures) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final String secret;

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean verified = verify(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"), signatures, body);
        received.add(new Received(id, body, verified, signatures));
        exchange.sendResponseHeaders(verified ? 204 : 401, -1);
        exchange.close();
    }

    boolean verify(String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - seconds) > TOLERANCE_SECONDS) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
