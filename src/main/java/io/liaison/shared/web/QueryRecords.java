package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds a record of query parameters (a {@code @ParameterObject}, such as the contact list's filters)
 * from the query string alone: each component from the parameter of its name, converted by Spring
 * MVC's conversion service, every unreadable one named in a 400 ({@code invalid.wrong-type}). Spring's
 * data binder does the same for any object, and looks up every constructor parameter's nullness and
 * generic type on each request: a fifth of a list request's CPU. Here both are read once per record
 * type. Headers and path variables never bind, so a proxy's header cannot filter a list.
 */
class QueryRecords implements HandlerMethodArgumentResolver {

    private record Component(String name, TypeDescriptor type) {}

    private record Shape(Constructor<?> constructor, List<Component> components) {}

    private static final TypeDescriptor STRING = TypeDescriptor.valueOf(String.class);
    private static final TypeDescriptor STRINGS = TypeDescriptor.valueOf(String[].class);

    private final ObjectProvider<ConversionService> conversion;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    QueryRecords(ObjectProvider<ConversionService> conversion) {
        this.conversion = conversion;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ParameterObject.class)
                && parameter.getParameterType().isRecord();
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mav,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        Shape shape = shapes.computeIfAbsent(parameter.getParameterType(), QueryRecords::shape);
        ConversionService converter = conversion.getObject();
        Object[] values = new Object[shape.components().size()];
        List<LiaisonException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Component component = shape.components().get(i);
            String[] given = request.getParameterValues(component.name());
            if (given == null) {
                continue;
            }
            try {
                values[i] = given.length == 1
                        ? converter.convert(given[0], STRING, component.type())
                        : converter.convert(given, STRINGS, component.type());
            } catch (ConversionException e) {
                errors.add(LiaisonException.FieldError.of(component.name(), "invalid.wrong-type"));
            }
        }
        if (!errors.isEmpty()) {
            throw LiaisonException.invalid(errors);
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Shape shape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            List<Component> shape = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                if (types[i].isPrimitive()) {
                    throw new IllegalStateException(type.getName() + "." + components[i].getName()
                            + " is primitive: a parameter left out could not be bound");
                }
                shape.add(new Component(
                        components[i].getName(), new TypeDescriptor(new MethodParameter(constructor, i))));
            }
            return new Shape(constructor, List.copyOf(shape));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
