package io.liaison.fuzz;

import io.liaison.fuzz.OpenApiDocument.Operation;
import io.liaison.fuzz.OpenApiDocument.Parameter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Requests for one operation of the document, made from its parameters and body schema: a plausible
 * one, or one with a single fault (a bad path id, a bad query value, a bad body field or body, the
 * wrong media type, a weak or garbled {@code If-Match}, a body over the limit, no token).
 */
final class FuzzRequests {

    static final String BOUNDARY = "fuzzboundary7MA4YWxkTrZu0gW";
    static final byte[] CSV = "姓名,手机,公司\n张三,13800138000,上海贸易\n".getBytes(StandardCharsets.UTF_8);

    enum Fault {
        NONE,
        PATH,
        QUERY,
        BODY_FIELD,
        BODY,
        MEDIA_TYPE,
        IF_MATCH,
        TOO_LARGE,
        NO_TOKEN
    }

    /** A request about to be sent, with what it tries, for the failure report. */
    record Sent(Fault fault, String description, HttpRequest request) {}

    private final OpenApiDocument document;
    private final FuzzWorld world;
    private final FuzzValues values;
    private final FuzzBodies bodies;

    FuzzRequests(OpenApiDocument document, FuzzWorld world, FuzzValues values) {
        this.document = document;
        this.world = world;
        this.values = values;
        this.bodies = new FuzzBodies(world, values);
    }

    Sent make(Operation op, String token, Fault fault) {
        StringBuilder said = new StringBuilder(op.id() + " [" + fault + "]");
        String path = op.path();
        for (Parameter p : op.in("path")) {
            String value = fault == Fault.PATH && values.chance(0.7)
                    ? values.pick(FuzzValues.NASTY_IDS)
                    : idFor(path, p.name());
            path = path.replace("{" + p.name() + "}", FuzzValues.encode(value));
        }
        List<String> query = new ArrayList<>();
        List<Parameter> queryParameters = op.in("query");
        Parameter broken = fault == Fault.QUERY && !queryParameters.isEmpty() ? values.pick(queryParameters) : null;
        for (Parameter p : queryParameters) {
            if (p == broken) {
                query.add(p.name() + "=" + nastyQuery());
            } else if (p.required() || values.chance(0.4)) {
                query.add(p.name() + "=" + FuzzValues.encode(queryValue(p)));
            }
        }
        String uri = world.base + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        said.append(' ').append(uri.substring(world.base.length()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "*/*");
        request.header("Accept-Language", values.chance(0.5) ? "zh-CN" : "en");
        if (fault != Fault.NO_TOKEN) {
            request.header("Authorization", "Bearer " + token);
        } else if (values.chance(0.5)) {
            request.header("Authorization", "Bearer lia_" + values.unique("forged"));
        }
        if (op.hasHeader("If-Match") && (fault == Fault.IF_MATCH || values.chance(0.3))) {
            String ifMatch = fault == Fault.IF_MATCH
                    ? values.pick(
                            List.of("W/\"1\"", "W/\"0\"", "garbage", "\"\"", "\"-1\"", "\"99999999999999999999\""))
                    : "\"" + values.between(0, 3) + "\"";
            request.header("If-Match", ifMatch);
            said.append(" If-Match: ").append(ifMatch);
        }
        if (op.hasHeader("Idempotency-Key") && values.chance(0.3)) {
            request.header("Idempotency-Key", values.chance(0.9) ? values.unique("k") : "k".repeat(300));
        }
        body(op, fault, request, said);
        return new Sent(fault, said.toString(), request.build());
    }

    private void body(Operation op, Fault fault, HttpRequest.Builder request, StringBuilder said) {
        if (op.bodies().isEmpty()) {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
            return;
        }
        if (op.bodies().containsKey("multipart/form-data")) {
            multipart(op, fault, request, said);
            return;
        }
        String mediaType = op.bodies().keySet().iterator().next();
        JsonNode schema = document.resolve(op.bodies().get(mediaType));
        Map<String, Object> body = bodies.of(op, schema, document.successSchema(op));
        byte[] bytes;
        if (fault == Fault.BODY_FIELD && !body.isEmpty()) {
            String field = values.pick(new ArrayList<>(body.keySet()));
            Object bad = values.chance(0.5) ? values.nastyText() : values.wrongKind();
            body.put(field, bad);
            bytes = FuzzValues.json(body).getBytes(StandardCharsets.UTF_8);
            said.append(" with ").append(field).append(" = ").append(abbreviate(FuzzValues.json(bad)));
        } else if (fault == Fault.BODY) {
            bytes = badBody(body, said);
        } else if (fault == Fault.TOO_LARGE) {
            body.put("remark", "长".repeat(400_000));
            bytes = FuzzValues.json(body).getBytes(StandardCharsets.UTF_8);
            said.append(" with a body of ").append(bytes.length).append(" bytes");
        } else {
            bytes = FuzzValues.json(body).getBytes(StandardCharsets.UTF_8);
        }
        String contentType = fault == Fault.MEDIA_TYPE
                ? values.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded"))
                : mediaType;
        request.header("Content-Type", contentType);
        said.append(" (")
                .append(contentType)
                .append(") ")
                .append(abbreviate(new String(bytes, StandardCharsets.UTF_8)));
        request.method(op.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private byte[] badBody(Map<String, Object> body, StringBuilder said) {
        int kind = values.between(0, 5);
        said.append(" with a broken body #").append(kind);
        return switch (kind) {
            case 0 -> FuzzValues.withInvalidUtf8(body, values.pick(FuzzValues.INVALID_UTF8));
            case 1 ->
                FuzzValues.json(body)
                        .substring(0, FuzzValues.json(body).length() / 2)
                        .getBytes(StandardCharsets.UTF_8);
            case 2 -> values.pick(List.of("[]", "null", "\"text\"", "42", "")).getBytes(StandardCharsets.UTF_8);
            case 3 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            case 4 ->
                ("{\"name\":\"x\",\"nested\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            default -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        };
    }

    private void multipart(Operation op, Fault fault, HttpRequest.Builder request, StringBuilder said) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (var option : List.of("mode", "match", "dryRun", "sheet", "mapping", "format")) {
            if (values.chance(0.3)) {
                fields.put(option, fault == Fault.BODY_FIELD ? values.nastyText() : FuzzBodies.option(option, values));
            }
        }
        String fileName = values.pick(List.of("客户.csv", "people.csv", "book.xlsx", "cards.vcf"));
        byte[] file = CSV;
        if (fault == Fault.BODY) {
            int kind = values.between(0, 3);
            said.append(" with a broken file #").append(kind);
            switch (kind) {
                case 0 -> fileName = "a\u0000b.csv";
                case 1 ->
                    fileName = new String(new byte[] {'a', (byte) 0xC0, (byte) 0x80, 'b'}, StandardCharsets.ISO_8859_1);
                case 2 -> file = new byte[0];
                default -> file = new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3};
            }
        }
        said.append(" file ").append(abbreviate(fileName)).append(" fields ").append(abbreviate(fields.toString()));
        byte[] body = multipart(fileName, file, fields);
        String contentType =
                fault == Fault.MEDIA_TYPE ? "multipart/form-data" : "multipart/form-data; boundary=" + BOUNDARY;
        request.header("Content-Type", contentType);
        request.method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A multipart body with one file part; a file name in ISO-8859-1 is written byte for byte. */
    static byte[] multipart(String fileName, byte[] file, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .getBytes(StandardCharsets.UTF_8));
        boolean raw = fileName.chars().anyMatch(c -> c >= 0x80 && c <= 0xFF);
        out.writeBytes(fileName.getBytes(raw ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        out.writeBytes("\"\r\nContent-Type: application/octet-stream\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** An id of the kind the path names before the parameter, now and then one nobody has. */
    private String idFor(String path, String parameter) {
        String[] segments = path.split("/");
        String kind = "";
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                kind = segments[i - 1];
            }
        }
        List<String> known = world.idsOf(kind);
        return known.isEmpty() || values.chance(0.1) ? UUID.randomUUID().toString() : values.pick(known);
    }

    private String queryValue(Parameter p) {
        String name = p.name();
        JsonNode schema = document.resolve(p.schema());
        if (schema.path("type").asString("").equals("array") || name.endsWith("Id") || name.endsWith("Ids")) {
            return bodies.idFor(name);
        }
        if (schema.path("format").asString("").equals("date-time")) {
            return values.time();
        }
        return switch (name) {
            case "limit" -> String.valueOf(values.number(1, 200));
            case "cursor" -> values.chance(0.5) ? "" : values.unique("c");
            case "q" -> values.text();
            case "sort" ->
                values.pick(List.of("updatedAt", "-updatedAt", "name", "-createdAt", "lastContactedAt", "x"));
            case "tagMode" -> values.pick(List.of("all", "any", "none"));
            case "includeInactive", "exact" -> values.pick(List.of("true", "false"));
            default -> FuzzBodies.option(name, values);
        };
    }

    private String nastyQuery() {
        return values.chance(0.5)
                ? values.pick(FuzzValues.NASTY_IDS)
                : FuzzValues.encode(values.chance(0.5) ? values.pick(FuzzValues.NASTY_TIMES) : values.nastyText());
    }

    static String abbreviate(@Nullable String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " characters)";
    }
}
