package io.liaison.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * The mobiles and e-mail addresses the organization already has, trashed contacts included, so that
 * a second run (or a real address book) never meets a duplicate: the duplicate guard of the
 * application expects each mobile and e-mail once.
 */
final class TakenValues {

    private TakenValues() {}

    /** Chinese mobiles as their eleven digits. */
    static LongSet mobiles(Connection c, UUID orgId) throws SQLException {
        LongSet taken = new LongSet();
        String sql = "SELECT substr(mobile, 4) FROM contact WHERE org_id = ? AND mobile ~ '^\\+861[0-9]{10}$'";
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            statement.setObject(1, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    taken.add(Long.parseLong(rs.getString(1)));
                }
            }
        }
        return taken;
    }

    /** E-mail addresses as 64-bit hashes of their lower case: a collision only skips an address. */
    static LongSet emails(Connection c, UUID orgId) throws SQLException {
        LongSet taken = new LongSet();
        try (PreparedStatement statement = c.prepareStatement("SELECT address FROM contact_email WHERE org_id = ?")) {
            statement.setFetchSize(10_000);
            statement.setObject(1, orgId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    taken.add(LongSet.hash(rs.getString(1).toLowerCase(Locale.ROOT)));
                }
            }
        }
        return taken;
    }
}
