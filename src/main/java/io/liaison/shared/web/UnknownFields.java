package io.liaison.shared.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Refuses a field that a {@link KnownFieldsOnly} record does not have; Jackson, as Spring Boot sets
 * it up, skips unknown fields of every other type. {@link ApiExceptionHandler} answers the refusal
 * with a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class UnknownFields {

    @Bean
    JsonMapperBuilderCustomizer unknownFieldsOfClosedBodies() {
        return builder -> builder.addHandler(new Refusal());
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
