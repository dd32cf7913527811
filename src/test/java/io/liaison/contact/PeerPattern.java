package io.liaison.contact;

import io.liaison.contact.search.ContactSearch;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What CRMs commonly ship, through plain JDBC: the total by {@code COUNT(*)}, substring search by
 * {@code LIKE '%q%'} over name, company, mobile and remark, tags by {@code EXISTS}, the page by
 * {@code ORDER BY updated_at DESC LIMIT 20 OFFSET 0}; visibility of a SELF member as {@code
 * owner_id = ?}. A list request is the count and the page together; suggest is the page of 10
 * without a count; count is an unbounded {@code COUNT(*)}. GET by id has no peer: it is a primary
 * key lookup everywhere.
 */
final class PeerPattern {

    private final JdbcClient jdbc;

    PeerPattern(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void run(Actor actor, BenchKind.Request request) {
        List<Object> params = new ArrayList<>();
        String where = where(actor, request, params);
        switch (request.shape()) {
            case LIST -> {
                count(where, params);
                page(where, params, BenchKind.PAGE, request.peerOrder());
            }
            case SUGGEST -> page(where, params, 10, request.peerOrder());
            case COUNT -> count(where, params);
            case GET -> throw new IllegalArgumentException("no peer pattern for GET by id");
        }
    }

    private void count(String where, List<Object> params) {
        jdbc.sql("SELECT count(*) FROM contact c WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private void page(String where, List<Object> params, int limit, String order) {
        jdbc.sql("SELECT c.* FROM contact c WHERE " + where + " ORDER BY " + order + " LIMIT " + limit + " OFFSET 0")
                .params(params)
                .query()
                .listOfRows();
    }

    private static String where(Actor actor, BenchKind.Request request, List<Object> params) {
        StringBuilder where = new StringBuilder("c.org_id = ? AND c.trashed_at IS NULL");
        params.add(actor.orgId());
        if (actor.dataScope() == DataScope.SELF) {
            where.append(" AND c.owner_id = ?");
            params.add(actor.memberId());
        }
        if (request.q() != null) {
            where.append(" AND (c.name LIKE ? OR c.company LIKE ? OR c.mobile LIKE ? OR c.remark LIKE ?)");
            String like = "%" + ContactSearch.escape(request.q()) + "%";
            params.addAll(List.of(like, like, like, like));
        }
        if (!request.tags().isEmpty()) {
            if (request.allTags()) {
                for (UUID tag : request.tags()) {
                    where.append(" AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.org_id = c.org_id"
                            + " AND t.contact_id = c.id AND t.tag_id = ?)");
                    params.add(tag);
                }
            } else {
                where.append(" AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.org_id = c.org_id"
                                + " AND t.contact_id = c.id AND t.tag_id IN (")
                        .append("?,".repeat(request.tags().size() - 1))
                        .append("?))");
                params.addAll(request.tags());
            }
        }
        return where.toString();
    }
}
