package io.liaison.shared.web;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Marks the properties of API records that can be {@code null} as such in the OpenAPI document, and
 * the others as required: Liaison's records say so with JSpecify's {@code @Nullable} on the
 * component's type, which swagger does not read. OpenAPI 3.1 spells it as the type {@code "null"}
 * beside the property's own type, and as {@code anyOf} of the reference and {@code null} for a
 * property that refers to another schema. A {@link Patch} property is never required: a merge patch
 * may leave any field out.
 */
@Component
class NullableProperties implements ModelConverter {

    @Override
    public @Nullable Schema resolve(
            io.swagger.v3.core.converter.AnnotatedType type,
            ModelConverterContext context,
            Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved;
        if (resolved.get$ref() != null) {
            String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
        }
        if (model != null && model.getProperties() != null) {
            markNullable(raw.getRecordComponents(), model.getProperties());
            markRequired(raw.getRecordComponents(), model);
        }
        return resolved;
    }

    /** A {@code @Nullable} component, or a {@link Patch} of a {@code @Nullable} value: one a patch can clear. */
    private static boolean nullable(RecordComponent component) {
        AnnotatedType type = component.getAnnotatedType();
        if (component.getType() == Patch.class) {
            return type instanceof AnnotatedParameterizedType patch
                    && patch.getAnnotatedActualTypeArguments()[0].isAnnotationPresent(Nullable.class);
        }
        return type.isAnnotationPresent(Nullable.class);
    }

    @SuppressWarnings("rawtypes")
    private static void markRequired(RecordComponent[] components, Schema model) {
        for (RecordComponent component : components) {
            boolean required = !nullable(component) && component.getType() != Patch.class;
            List<?> already = model.getRequired();
            if (required
                    && model.getProperties().containsKey(component.getName())
                    && (already == null || !already.contains(component.getName()))) {
                model.addRequiredItem(component.getName());
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void markNullable(RecordComponent[] components, Map<String, Schema> properties) {
        for (RecordComponent component : components) {
            Schema property = properties.get(component.getName());
            if (property == null || !nullable(component)) {
                continue;
            }
            if (property.get$ref() != null) {
                // addType answers whether it added, so the null schema is built apart
                Schema none = new JsonSchema();
                none.addType("null");
                properties.put(component.getName(), new JsonSchema().anyOf(List.of(property, none)));
            } else if (property.getTypes() == null || !property.getTypes().contains("null")) {
                Set<String> types = property.getTypes() == null ? new HashSet<>() : new HashSet<>(property.getTypes());
                if (property.getType() != null) {
                    types.add(property.getType());
                }
                types.add("null");
                property.setTypes(types);
                // an enumeration lists every value the property takes, null included
                if (property.getEnum() != null && !property.getEnum().contains(null)) {
                    List<Object> values = new ArrayList<>(property.getEnum());
                    values.add(null);
                    property.setEnum(values);
                }
            }
        }
    }
}
