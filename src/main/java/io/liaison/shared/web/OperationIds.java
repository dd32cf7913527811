package io.liaison.shared.web;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Names every operation of the OpenAPI document after its controller and method ({@code contactList},
 * {@code tagGroupCreateTag}), which a generated client turns into its method names. Springdoc's own
 * names are the bare method names, numbered in the order it meets them ({@code list_6}), so they would
 * change whenever a controller is added; an {@code operationId} given in {@code @Operation} is kept.
 */
@Component
class OperationIds implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation declared =
                handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            operation.setOperationId(StringUtils.uncapitalize(controller)
                    + StringUtils.capitalize(handler.getMethod().getName()));
        }
        return operation;
    }
}
