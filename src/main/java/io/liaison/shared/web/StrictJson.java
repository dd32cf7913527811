package io.liaison.shared.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.type.LogicalType;

/**
 * How Jackson reads request bodies into typed records: a value of the wrong JSON type is refused
 * rather than converted (5 or true for a text, "5" or 5.5 for a whole number, 1 or "true" for true or
 * false), as the services refused them when they read maps; and a field that a {@link
 * KnownFieldsOnly} record does not have is refused, while other types skip unknown fields as Spring
 * Boot sets Jackson up. {@link ApiExceptionHandler} answers each with a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictRequestJson() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        number -> number.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .addHandler(new Refusal());
    }

    private static final class Refusal extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                ValueDeserializer<?> deserializer,
                @Nullable Object beanOrClass,
                String propertyName) {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
            if (type != null && type.isAnnotationPresent(KnownFieldsOnly.class)) {
                throw UnrecognizedPropertyException.from(parser, type, propertyName, List.of());
            }
            return false;
        }
    }
}
