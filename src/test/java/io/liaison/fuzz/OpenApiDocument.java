package io.liaison.fuzz;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of Liaison's {@code /v3/api-docs}, and what an answer breaks of what the document
 * says of it: an undocumented status, a media type it does not list, a body that does not match the
 * schema (JSON Schema 2020-12, as OpenAPI 3.1 defines it, formats included).
 */
final class OpenApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    record Operation(
            String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies, JsonNode responses) {

        String id() {
            return method + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasHeader(String name) {
            return parameters.stream()
                    .anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiDocument(String json) {
        this.document = JSON.readTree(json);
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op ->
                                operations.add(operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()))));
    }

    private static Operation operation(String method, String path, JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        if (node.has("parameters")) {
            for (JsonNode p : node.get("parameters")) {
                parameters.add(new Parameter(
                        p.get("name").asString(),
                        p.get("in").asString(),
                        p.path("required").asBoolean(false),
                        p.get("schema")));
            }
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        if (node.has("requestBody")) {
            node.get("requestBody")
                    .get("content")
                    .properties()
                    .forEach(c -> bodies.put(c.getKey(), c.getValue().get("schema")));
        }
        return new Operation(method, path, List.copyOf(parameters), bodies, node.get("responses"));
    }

    List<Operation> operations() {
        return operations;
    }

    /** {@code schema} itself, or the component it refers to. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String name = current.get("$ref").asString().substring("#/components/schemas/".length());
            current = document.get("components").get("schemas").get(name);
        }
        return current;
    }

    /** The schema of the first successful JSON answer of {@code op}, if it has one. */
    @Nullable
    JsonNode successSchema(Operation op) {
        for (var response : op.responses().properties()) {
            JsonNode json = response.getValue().path("content").path("application/json");
            if (response.getKey().startsWith("2") && json.has("schema")) {
                return resolve(json.get("schema"));
            }
        }
        return null;
    }

    /** What the answer breaks of the document; empty when it keeps to it. */
    List<String> check(Operation op, int status, @Nullable String contentType, byte[] body) {
        JsonNode response = op.responses().get(Integer.toString(status));
        if (response == null) {
            return List.of("status " + status + " is not documented (documented: "
                    + op.responses().propertyNames() + ")");
        }
        JsonNode content = response.get("content");
        if (content == null || content.isEmpty()) {
            return body.length == 0 || status != 204 ? List.of() : List.of("a 204 with a body");
        }
        String type =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        JsonNode media = content.get(type);
        if (media == null) {
            return List.of("media type '" + type + "' of a " + status + " is not documented (documented: "
                    + content.propertyNames() + ")");
        }
        if (!type.endsWith("json") || !media.has("schema")) {
            return List.of();
        }
        if (type.equals("application/x-ndjson")) {
            // one JSON value per line, each of the schema
            List<String> broken = new ArrayList<>();
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && broken.size() < 3) {
                    broken.addAll(checkJson(op, status, type, media, line.getBytes(StandardCharsets.UTF_8)));
                }
            }
            return broken;
        }
        return checkJson(op, status, type, media, body);
    }

    private List<String> checkJson(Operation op, int status, String type, JsonNode media, byte[] body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (RuntimeException e) {
            return List.of("a " + status + " " + type + " body that is not JSON");
        }
        List<Error> errors =
                schema(op.id() + " " + status + " " + type, media.get("schema")).validate(instance);
        return errors.stream()
                .limit(3)
                .map(e -> "body of a " + status + " does not match its schema: " + e)
                .toList();
    }

    /** The schema with the document's components beside it, so that its references resolve. */
    private Schema schema(String key, JsonNode schema) {
        return schemas.computeIfAbsent(key, k -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.setAll((ObjectNode) schema.deepCopy());
            root.set("$defs", document.get("components").get("schemas"));
            String text = root.toString().replace("#/components/schemas/", "#/$defs/");
            return registry.getSchema(JSON.readTree(text));
        });
    }
}
