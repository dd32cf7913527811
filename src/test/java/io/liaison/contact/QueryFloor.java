package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import org.springframework.context.ApplicationContext;

/**
 * The floor: a request of the benchmark through the application's own query layer (same SQL, JDBC
 * and row mapping), without HTTP, security, transaction, masking or JSON.
 */
final class QueryFloor {

    private final ContactQueries queries;
    private final ContactRepository contacts;
    private final ContactAccess access;

    QueryFloor(ApplicationContext context) {
        this.queries = context.getBean(ContactQueries.class);
        this.contacts = context.getBean(ContactRepository.class);
        this.access = context.getBean(ContactAccess.class);
    }

    /** Runs the request; answers whether it found something. */
    boolean run(Actor actor, BenchKind.Request request) {
        return switch (request.shape()) {
            case LIST ->
                !queries.list(actor, request.filter(), request.order(), null, BenchKind.PAGE)
                        .items()
                        .isEmpty();
            case SUGGEST ->
                !queries.suggest(actor, request.q(), ContactSuggestion.LIMIT).isEmpty();
            case GET ->
                contacts.find(request.id(), access.visible(actor, "c"), false).isPresent();
            case COUNT -> queries.count(actor, request.filter()).count() > 0;
        };
    }
}
