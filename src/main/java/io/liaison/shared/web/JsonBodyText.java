package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every JSON request body before it is bound: bytes that are not UTF-8 (Jackson reads the
 * overlong {@code C0 80} as a NUL), NUL characters and lone surrogates in any key or string value
 * are refused with a 400 naming the JSON path ({@code phones[1].number}), so that nothing is stored
 * altered. A body that is not JSON at all is left to the converter, which answers its own 400.
 */
@ControllerAdvice
class JsonBodyText extends RequestBodyAdviceAdapter {

    private final JsonMapper json;

    JsonBodyText(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = input.getBody().readAllBytes();
        MediaType type = input.getHeaders().getContentType();
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        JsonNode tree;
        try {
            tree = charset.equals(StandardCharsets.UTF_8) ? utf8Tree(body) : json.readTree(decode(body, charset));
        } catch (JacksonException notJson) {
            tree = null;
        }
        if (tree != null) {
            List<LiaisonException.FieldError> errors = new ArrayList<>();
            walk(tree, "", errors);
            if (!errors.isEmpty()) {
                throw StrictText.refused(errors);
            }
        }
        return new Replayed(input.getHeaders(), body);
    }

    /**
     * A record's lists read {@code [null]}, and {@code [""]} of ids, as a null element: refused naming
     * the element, as maps' lists are by {@link io.liaison.shared.MergePatch}.
     */
    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (value(record, component) instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) == null) {
                            throw LiaisonException.invalid(component.getName() + "[" + i + "]", "invalid.empty");
                        }
                    }
                }
            }
        }
        return body;
    }

    private static @Nullable Object value(Record record, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of a request body", e);
        }
    }

    private JsonNode utf8Tree(byte[] body) {
        int bad = StrictText.invalidUtf8At(body, body.length);
        if (bad >= 0) {
            throw StrictText.refused(pathAt(body, bad), StrictText.NOT_UTF8);
        }
        return json.readTree(body);
    }

    private String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw StrictText.refused("body", "is not valid " + charset.name() + " text");
        }
    }

    /** The JSON path of the value being read when the document ends at {@code offset}. */
    private String pathAt(byte[] body, int offset) {
        try (JsonParser parser = json.createParser(Arrays.copyOf(body, offset))) {
            try {
                while (parser.nextToken() != null) {
                    // read up to the bad byte; the context then says where it is
                }
            } catch (JacksonException truncated) {
                // expected: the document stops in the middle of the bad value
            }
            String path = path(parser.streamReadContext());
            return path.isEmpty() ? "body" : path;
        }
    }

    private static String path(@Nullable TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.currentName() != null) {
                parts.push("." + c.currentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static void walk(JsonNode node, String path, List<LiaisonException.FieldError> errors) {
        if (node.isString()) {
            String problem = StrictText.problem(node.stringValue());
            if (problem != null) {
                errors.add(LiaisonException.FieldError.of(path.isEmpty() ? "body" : path, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String problem = StrictText.problem(field.getKey());
                if (problem != null) {
                    // the key itself cannot be echoed; the object holding it is named instead
                    errors.add(LiaisonException.FieldError.of(path.isEmpty() ? "body" : path, problem));
                } else {
                    walk(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), errors);
                }
            }
        }
    }

    /** The body, read once for the check, handed to the converter again. */
    private record Replayed(HttpHeaders headers, byte[] body) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
