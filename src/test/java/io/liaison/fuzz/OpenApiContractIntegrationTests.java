package io.liaison.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.access.MatrixStatuses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The OpenAPI document as a contract a generated client can rely on: swagger-parser reads it without
 * an error or a warning, every body is a typed schema, every property of a request body has a type,
 * and every operation lists the statuses that the authorization matrix observes for it.
 */
@LiaisonIntegrationTest
class OpenApiContractIntegrationTests {

    @Autowired
    MockMvc mvc;

    OpenAPI api;
    List<String> messages;

    @BeforeEach
    void parse() throws Exception {
        String docs = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(docs, null, options);
        api = result.getOpenAPI();
        messages = result.getMessages() == null ? List.of() : result.getMessages();
    }

    @Test
    void swaggerParserReadsTheDocumentWithoutErrorsOrWarnings() {
        assertThat(messages).isEmpty();
        assertThat(api).isNotNull();
        assertThat(api.getPaths()).hasSizeGreaterThan(40);
    }

    @Test
    void everyRequestAndResponseBodyIsTyped() {
        List<String> untyped = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (operation.getRequestBody() != null) {
                untyped.addAll(
                        untypedIn(name + " request", operation.getRequestBody().getContent()));
            }
            operation.getResponses().forEach((status, response) -> {
                untyped.addAll(untypedIn(name + " " + status, response.getContent()));
            });
        });
        assertThat(untyped).as("bodies without a typed schema").isEmpty();
    }

    @Test
    void everyPropertyOfARequestBodyHasAType() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (operation.getRequestBody() == null) {
                return;
            }
            operation.getRequestBody().getContent().forEach((media, type) -> {
                Schema<?> body = resolve(type.getSchema());
                if (body != null && body.getProperties() != null) {
                    body.getProperties().forEach((property, schema) -> {
                        if (!hasType(schema)) {
                            missing.add(name + " " + media + " " + property);
                        }
                    });
                }
            });
        });
        assertThat(missing).as("request body properties without a type").isEmpty();
    }

    @Test
    void everyPropertyOfEveryComponentSchemaHasATypeOrAReference() {
        List<String> missing = new ArrayList<>();
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((property, value) -> {
                    if (!hasType((Schema<?>) value)) {
                        missing.add(name + "." + property);
                    }
                });
            }
        });
        assertThat(missing).as("component schema properties without a type").isEmpty();
    }

    /**
     * A string a client sends says what the server accepts: its longest length, a format, its values
     * or a pattern. Free texts the server sets no limit on yet are named here.
     */
    @Test
    void everyStringARequestBodySendsHasALimitAFormatValuesOrAPattern() {
        Set<String> unbounded = Set.of(
                "PhoneEntry.label",
                "EmailEntry.label",
                "Filter.q",
                "Filter.company",
                "Filter.source",
                "Filter.externalId");
        List<String> open = new ArrayList<>();
        for (String name : requestSchemas()) {
            Map<String, Schema> properties =
                    api.getComponents().getSchemas().get(name).getProperties();
            if (properties == null) {
                continue;
            }
            properties.forEach((property, value) -> {
                Schema<?> string = typesOf(value).contains("array") ? value.getItems() : value;
                if (string != null && typesOf(string).contains("string") && !bounded(string)) {
                    open.add(name + "." + property);
                }
            });
        }
        open.removeAll(unbounded);
        assertThat(open)
                .as("request strings without maxLength, format, enum or pattern")
                .isEmpty();
    }

    /** A schema with properties shows a reader an example: of itself, of a property, or of what it refers to. */
    @Test
    void everyResponseAndRequestRecordCarriesAnExample() {
        List<String> bare = new ArrayList<>();
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null
                    && schema.getExample() == null
                    && schema.getProperties().values().stream().noneMatch(p -> showsAnExample((Schema<?>) p))) {
                bare.add(name);
            }
        });
        assertThat(bare).as("schemas without an example").isEmpty();
    }

    @Test
    void everyOperationDocumentsTheStatusesTheAuthorizationMatrixObserves() {
        Map<String, Set<Integer>> observed = MatrixStatuses.byEndpoint();
        assertThat(observed).hasSizeGreaterThan(40);
        List<String> undocumented = new ArrayList<>();
        observed.forEach((endpoint, statuses) -> {
            Operation operation = operation(endpoint);
            if (operation == null) {
                undocumented.add(endpoint + ": not in the document");
                return;
            }
            for (int status : statuses) {
                if (!operation.getResponses().containsKey(Integer.toString(status))) {
                    undocumented.add(endpoint + ": " + status);
                }
            }
        });
        assertThat(undocumented)
                .as("statuses the matrix observes that the document does not list")
                .isEmpty();
    }

    @Test
    void everyErrorStatusNamesTheProblemTypesItAnswersWith() {
        List<String> unnamed = new ArrayList<>();
        forEachOperation((name, operation) -> operation.getResponses().forEach((status, response) -> {
            Object types = response.getExtensions() == null
                    ? null
                    : response.getExtensions().get("x-problem-types");
            if (status.startsWith("4") && !(types instanceof List<?> list && !list.isEmpty())) {
                unnamed.add(name + " " + status);
            }
        }));
        assertThat(unnamed).as("error statuses without their problem types").isEmpty();
    }

    private interface OperationVisitor {
        void visit(String name, Operation operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> visitor.visit(method + " " + path, operation)));
    }

    private @Nullable Operation operation(String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        PathItem item = api.getPaths().get(parts[1]);
        return item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(parts[0]));
    }

    private List<String> untypedIn(String where, @Nullable Content content) {
        List<String> untyped = new ArrayList<>();
        if (content != null) {
            content.forEach((media, type) -> {
                if (!typed(type.getSchema(), 0)) {
                    untyped.add(where + " " + media);
                }
            });
        }
        return untyped;
    }

    /**
     * A schema says what the body holds: a scalar (a file's bytes are a binary string), an array of
     * typed items, or an object with properties; an object with none, or only additionalProperties,
     * is a free-form map.
     */
    private boolean typed(@Nullable Schema<?> given, int depth) {
        Schema<?> schema = resolve(given);
        if (schema == null || depth > 10) {
            return false;
        }
        List<List<Schema>> alternatives = alternativesOf(schema);
        if (!alternatives.isEmpty()) {
            return alternatives.stream().flatMap(List::stream).allMatch(s -> typed(s, depth + 1) || isNull(s));
        }
        Set<String> types = typesOf(schema);
        if (types.contains("array")) {
            return typed(schema.getItems(), depth + 1);
        }
        if (types.contains("object") || types.isEmpty()) {
            return schema.getProperties() != null && !schema.getProperties().isEmpty();
        }
        return true;
    }

    private static List<List<Schema>> alternativesOf(Schema<?> schema) {
        List<List<Schema>> alternatives = new ArrayList<>();
        for (List<Schema> list : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (list != null && !list.isEmpty()) {
                alternatives.add(list);
            }
        }
        return alternatives;
    }

    private boolean hasType(Schema<?> schema) {
        if (schema.get$ref() != null || !typesOf(schema).isEmpty()) {
            return true;
        }
        List<List<Schema>> alternatives = alternativesOf(schema);
        return !alternatives.isEmpty()
                && alternatives.stream().flatMap(List::stream).allMatch(s -> hasType((Schema<?>) s));
    }

    private static boolean bounded(Schema<?> string) {
        return string.getMaxLength() != null
                || string.getFormat() != null
                || (string.getEnum() != null && !string.getEnum().isEmpty())
                || string.getPattern() != null;
    }

    private static boolean showsAnExample(Schema<?> property) {
        Schema<?> shown = property.getItems() != null ? property.getItems() : property;
        return property.getExample() != null || shown.getExample() != null || shown.get$ref() != null;
    }

    /** The component schemas a request body refers to, directly or through their properties and items. */
    private Set<String> requestSchemas() {
        Set<String> names = new TreeSet<>();
        forEachOperation((name, operation) -> {
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().values().forEach(type -> collect(type.getSchema(), names));
            }
        });
        return names;
    }

    private void collect(@Nullable Schema<?> schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collect(api.getComponents().getSchemas().get(name), names);
            }
            return;
        }
        collect(schema.getItems(), names);
        alternativesOf(schema).forEach(list -> list.forEach(s -> collect(s, names)));
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(p, names));
        }
    }

    private static boolean isNull(Schema<?> schema) {
        return typesOf(schema).equals(Set.of("null"));
    }

    private static Set<String> typesOf(Schema<?> schema) {
        Set<String> types = new TreeSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        return types;
    }

    private @Nullable Schema<?> resolve(@Nullable Schema<?> schema) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        return api.getComponents().getSchemas().get(name);
    }
}
