package io.liaison.shared.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Documents a {@link Patch} field as the schema of its value: on the wire a merge patch field is
 * the value itself, or {@code null} where {@link NullableProperties} says the field can be cleared.
 */
@Component
class PatchSchemas implements ModelConverter {

    @Override
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        JavaType javaType = Json.mapper().constructType(type.getType());
        if (javaType.getRawClass() != Patch.class || javaType.containedTypeCount() != 1) {
            return chain.next().resolve(type, context, chain);
        }
        AnnotatedType value = new AnnotatedType(javaType.containedType(0))
                .ctxAnnotations(type.getCtxAnnotations())
                .parent(type.getParent())
                .propertyName(type.getPropertyName())
                .schemaProperty(type.isSchemaProperty())
                .resolveAsRef(type.isResolveAsRef())
                .jsonViewAnnotation(type.getJsonViewAnnotation())
                .skipSchemaName(type.isSkipSchemaName())
                .skipOverride(type.isSkipOverride());
        return chain.next().resolve(value, context, chain);
    }
}
