package bench.floor;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.util.PGobject;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Liaison's contact reads at their floor: the bearer token checked by its SHA-256 hash in {@code
 * api_token}, then for GET by id the contact row read with {@link JdbcClient}, and for lists,
 * suggestions and counts the very statements Liaison's query layer ran for the same member and
 * URI (handed over by the benchmark), answered as JSON.
 */
@RestController
public class FloorController {

    private final JdbcClient jdbc;
    private final Map<String, List<FloorStatement>> statements = new ConcurrentHashMap<>();

    FloorController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member of a live token, and whether it sees all contacts of its organization or its own. */
    private record Reader(UUID org, UUID member, boolean all) {}

    @PostMapping("/floor/statements")
    int statements(@RequestBody List<FloorStatement.Request> requests) {
        for (FloorStatement.Request request : requests) {
            statements.put(request.member() + " " + request.uri(), request.statements());
        }
        return statements.size();
    }

    @GetMapping("/api/v1/contacts/{id}")
    Map<String, Object> contact(@RequestHeader("Authorization") String authorization, @PathVariable UUID id) {
        Reader reader = reader(authorization);
        List<Object> params = new ArrayList<>(List.of(reader.org(), id));
        if (!reader.all()) {
            params.add(reader.member());
        }
        return jdbc.sql("SELECT * FROM contact c WHERE c.org_id = ? AND c.id = ? AND c.trashed_at IS NULL"
                        + (reader.all() ? "" : " AND c.owner_id = ?"))
                .params(params)
                .query(FloorController::row)
                .optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping({"/api/v1/contacts", "/api/v1/contacts/suggest"})
    Map<String, Object> list(@RequestHeader("Authorization") String authorization, HttpServletRequest request) {
        return Map.of("items", replay(reader(authorization), request));
    }

    @GetMapping("/api/v1/contacts/count")
    Map<String, Object> count(@RequestHeader("Authorization") String authorization, HttpServletRequest request) {
        List<Map<String, Object>> rows = replay(reader(authorization), request);
        return Map.of("count", rows.get(0).values().iterator().next());
    }

    /** The statements Liaison ran for this member and URI, run again; the rows of the last. */
    private List<Map<String, Object>> replay(Reader reader, HttpServletRequest request) {
        String uri = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        List<FloorStatement> run = statements.get(reader.member() + " " + uri);
        if (run == null) {
            throw new ResponseStatusException(HttpStatus.NOT_IMPLEMENTED, "no statements for " + uri);
        }
        List<Map<String, Object>> rows = List.of();
        for (FloorStatement statement : run) {
            List<Object> params = new ArrayList<>();
            statement.params().forEach(p -> params.add(FloorStatement.decode(p)));
            rows = jdbc.sql(statement.sql())
                    .params(params)
                    .query(FloorController::row)
                    .list();
        }
        return rows;
    }

    private Reader reader(String authorization) {
        if (!authorization.startsWith("Bearer ")) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        return jdbc.sql("""
                        SELECT t.org_id, t.member_id, r.data_scope
                          FROM api_token t JOIN member m ON m.org_id = t.org_id AND m.id = t.member_id
                          JOIN role r ON r.org_id = m.org_id AND r.id = m.role_id
                         WHERE t.token_hash = ? AND t.revoked_at IS NULL AND m.active
                           AND (t.expires_at IS NULL OR t.expires_at > now())""")
                .param(sha256(authorization.substring("Bearer ".length())))
                .query((rs, n) ->
                        new Reader(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), seesAll(rs.getString(3))))
                .optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    /** The floor knows two data scopes, the benchmark's: ALL and SELF. */
    private static boolean seesAll(String scope) {
        if (scope.equals("ALL")) {
            return true;
        }
        if (!scope.equals("SELF")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the floor serves scopes ALL and SELF only");
        }
        return false;
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row as JSON can carry it: arrays as lists, PostgreSQL's own types as their text. */
    private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof Array array) {
                value = Arrays.asList((Object[]) array.getArray());
            } else if (value instanceof PGobject object) {
                value = object.getValue();
            }
            row.put(meta.getColumnLabel(i), value);
        }
        return row;
    }
}
