package io.liaison.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an API operation answers for a rule of its own (a name taken, a record in use, a limit
 * reached), documented in the OpenAPI document with the problem schema. The problems every request
 * can meet (400, 401, 403, and 404, 412, 413, 415 where the signature allows them) need no
 * annotation: {@link OpenApiProblems} adds them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    /** The HTTP status, 4xx. */
    int status();

    /** When the operation answers it, in words an integrator understands. */
    String description();

    /** The problem types it answers with, as the end of their {@code /problems/...} address. */
    String[] types();

    /** The container of several {@link ProblemResponse}s on one method. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ProblemResponse[] value();
    }
}
