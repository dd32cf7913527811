package io.liaison.shared.web;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * A field of a JSON Merge Patch (RFC 7396) body, which has three states where a plain field has
 * two: absent (the value stays as it is), {@code null} (the value is cleared) and a value. A record
 * component of this type that Jackson left {@code null} was absent from the body; the OpenAPI
 * document shows the schema of {@code T} ({@link PatchSchemas}).
 */
@JsonDeserialize(using = Patch.Reader.class)
public final class Patch<T> {

    private static final Patch<?> ABSENT = new Patch<>(false, null);
    private static final Patch<?> NULL = new Patch<>(true, null);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean present;
    private final @Nullable T value;

    private Patch(boolean present, @Nullable T value) {
        this.present = present;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> absent() {
        return (Patch<T>) ABSENT;
    }

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> clear() {
        return (Patch<T>) NULL;
    }

    public static <T> Patch<T> of(T value) {
        return new Patch<>(true, value);
    }

    /** Whether the body named the field, with a value or {@code null}. */
    public boolean present() {
        return present;
    }

    /** The value; {@code null} when the body clears the field or does not name it. */
    public @Nullable T value() {
        return value;
    }

    /**
     * The fields a request record names, by their JSON names, as the services read a JSON body
     * (strings, numbers, booleans, lists and maps): a {@link Patch} that is absent is left out, one
     * that clears is {@code null}, and so is any other component that is {@code null}.
     */
    public static Map<String, @Nullable Object> fields(Record body) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : body.getClass().getRecordComponents()) {
            Object value;
            try {
                component.getAccessor().setAccessible(true);
                value = component.getAccessor().invoke(body);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("A request record's component cannot be read", e);
            }
            if (value instanceof Patch<?> patch) {
                if (patch.present()) {
                    fields.put(component.getName(), plain(patch.value()));
                }
            } else if (value != null) {
                fields.put(component.getName(), plain(value));
            }
        }
        return fields;
    }

    private static @Nullable Object plain(@Nullable Object value) {
        return value == null ? null : JSON.convertValue(value, Object.class);
    }

    @Override
    public String toString() {
        return present ? String.valueOf(value) : "(absent)";
    }

    /** Reads the value with the deserializer of {@code T}; JSON {@code null} clears, absence is absence. */
    static final class Reader extends ValueDeserializer<Patch<?>> {

        private final @Nullable JavaType valueType;

        Reader() {
            this(null);
        }

        private Reader(@Nullable JavaType valueType) {
            this.valueType = valueType;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
            JavaType type = property != null ? property.getType() : context.getContextualType();
            if (type == null || type.containedTypeCount() != 1) {
                throw new IllegalStateException("A Patch needs its value type, such as Patch<String>");
            }
            return new Reader(type.containedType(0));
        }

        @Override
        public Patch<?> deserialize(JsonParser parser, DeserializationContext context) {
            if (valueType == null) {
                throw new IllegalStateException("A Patch is read as a property of a record");
            }
            return Patch.of(context.readValue(parser, valueType));
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return Patch.clear();
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return Patch.absent();
        }
    }
}
