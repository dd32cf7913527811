package io.liaison.access;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The statuses the authorization matrix observes, per endpoint ("METHOD /path"): what its rules
 * expect for every role and relation, and 401 without a token. A batch answers 200 with a status per
 * contact, so its 403 and 404 are not statuses of the operation.
 */
public final class MatrixStatuses {

    private static final String BATCH = "POST /api/v1/contacts/batch";

    private MatrixStatuses() {}

    public static Map<String, Set<Integer>> byEndpoint() {
        Map<String, Set<Integer>> statuses = new TreeMap<>();
        for (AuthorizationMatrixIntegrationTests.Rule rule : new AuthorizationMatrixIntegrationTests().rules()) {
            Set<Integer> seen = statuses.computeIfAbsent(rule.endpoint(), e -> new TreeSet<>(Set.of(401)));
            for (MatrixRules.Role role : MatrixRules.Role.values()) {
                for (MatrixRules.Relation relation : rule.relations()) {
                    int status = rule.expected(role, relation);
                    if (!rule.endpoint().equals(BATCH) || status == rule.success()) {
                        seen.add(status);
                    }
                }
            }
        }
        return statuses;
    }
}
