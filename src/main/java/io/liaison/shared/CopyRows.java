package io.liaison.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for one table in PostgreSQL COPY's text format, sent in one {@code COPY ... FROM STDIN}: the
 * fastest way to write many rows, with every index, constraint and trigger of the table in force.
 */
public final class CopyRows {

    private final String target;
    private final StringBuilder text;
    private int count;

    /** {@code target} is the table and its columns, such as {@code contact_tag (org_id, contact_id, tag_id)}. */
    public CopyRows(String target, int expectedBytes) {
        this.target = target;
        this.text = new StringBuilder(expectedBytes);
    }

    /**
     * Appends one row: {@code null} is SQL NULL, a {@code String[]} a text array, anything else its
     * {@code toString()}.
     */
    public CopyRows add(@Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof String[] array) {
                escape(array(array));
            } else {
                escape(value.toString());
            }
            text.append(i == values.length - 1 ? '\n' : '\t');
        }
        count++;
        return this;
    }

    public int count() {
        return count;
    }

    /**
     * Sends the rows on the connection of the caller's transaction and starts empty again; a row
     * the table refuses fails the whole COPY (and so the transaction).
     */
    public void copy(DataSource dataSource) {
        if (count == 0) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN", new ByteArrayInputStream(bytes), 1 << 16);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + target + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        text.setLength(0);
        count = 0;
    }

    private void escape(String value) {
        int plain = 0;
        while (plain < value.length() && !special(value.charAt(plain))) {
            plain++;
        }
        text.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** A text array literal with every element quoted, as COPY reads a text[] column. */
    public static String array(String[] values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }
}
