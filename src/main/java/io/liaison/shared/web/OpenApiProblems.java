package io.liaison.shared.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * Completes every operation of the OpenAPI document with the problems it can answer, each as an
 * {@code application/problem+json} {@code Problem} with the problem types of that status (in its
 * description and as {@code x-problem-types}). The ones every API request can meet follow from the
 * handler's signature (a path id can be unknown, a body can be too large or of the wrong type, an
 * {@code If-Match} can be stale); the ones of a rule of the operation (409, 410, 422, 429) are
 * declared on the handler with {@link ProblemResponse}.
 */
@Component
class OpenApiProblems implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** A status's meaning and the problem types it comes with. */
    private record Answer(String description, List<String> types) {}

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, Answer> problems = new TreeMap<>();
        problems.put(
                "400",
                new Answer(
                        "The request or one of its values is not valid; errors[] names each field.",
                        List.of("validation", "malformed-request", "invalid-text", "too-many", "unstorable-value")));
        problems.put(
                "401",
                new Answer(
                        "No valid API token (or login) was sent.",
                        List.of("unauthenticated", "invalid-token", "basic-not-accepted", "bad-credentials")));
        problems.put("403", new Answer("The actor may not do this.", List.of("forbidden")));
        MethodParameter[] parameters = handler.getMethodParameters();
        if (has(parameters, PathVariable.class)) {
            problems.put("404", new Answer("No such record, or the actor may not see it.", notFoundTypes(handler)));
        }
        if (has(parameters, RequestBody.class) || takesFile(parameters)) {
            problems.put(
                    "413",
                    new Answer(
                            "The request body or file is larger than the limit the problem names.",
                            takesFile(parameters)
                                    ? List.of("body-too-large", "file-too-large")
                                    : List.of("body-too-large")));
            problems.put(
                    "415", new Answer("The body is not of a media type the operation accepts.", List.of("http-415")));
        }
        if (Arrays.stream(parameters).anyMatch(OpenApiProblems::isIfMatch)) {
            problems.put(
                    "412",
                    new Answer(
                            "If-Match names another version than the current one, or a weak tag.",
                            List.of("stale-version", "weak-etag")));
        }
        for (ProblemResponse declared : handler.getMethod().getAnnotationsByType(ProblemResponse.class)) {
            problems.put(
                    Integer.toString(declared.status()), new Answer(declared.description(), List.of(declared.types())));
        }
        problems.forEach((status, answer) -> {
            List<String> types =
                    answer.types().stream().map(t -> "/problems/" + t).toList();
            ApiResponse response = new ApiResponse()
                    .description(answer.description() + " Problem types: " + String.join(", ", types) + ".")
                    .content(new Content()
                            .addMediaType(
                                    org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            response.addExtension("x-problem-types", types);
            responses.addApiResponse(status, response);
        });
        operation.setResponses(responses);
        return operation;
    }

    /**
     * The not-found problems of an operation's path ids: each collection before an id names its
     * record, {@code /contacts/{contactId}/follow-ups/{id}} a contact's and a follow-up's.
     */
    private static List<String> notFoundTypes(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        String path = (type == null || type.path().length == 0 ? "" : type.path()[0]) + methodPath(handler);
        List<String> types = new ArrayList<>();
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{") && !segments[i - 1].isEmpty()) {
                String collection = segments[i - 1];
                types.add((collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection)
                        + "-not-found");
            }
        }
        return types;
    }

    private static String methodPath(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
    }

    /** The RFC 9457 problem every 4xx answer carries. */
    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, as a JSON path or parameter name"))
                .addProperty(
                        "message", new StringSchema().description("what is wrong with it, in the user's language"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details; title and detail are in the user's language.")
                .addProperty("type", new StringSchema().format("uri-reference"))
                .addProperty("title", new StringSchema().example("记录已被他人修改"))
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError))
                .addRequiredItem("type")
                .addRequiredItem("title")
                .addRequiredItem("status");
        openApi.getComponents().addSchemas(PROBLEM, problem);
    }

    private static boolean has(MethodParameter[] parameters, Class<? extends java.lang.annotation.Annotation> kind) {
        return Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(kind));
    }

    private static boolean takesFile(MethodParameter[] parameters) {
        return Arrays.stream(parameters).anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
    }

    private static boolean isIfMatch(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        return header != null && "If-Match".equalsIgnoreCase(header.name());
    }
}
