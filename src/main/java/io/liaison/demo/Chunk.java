package io.liaison.demo;

/** The COPY text of a batch of contacts and their rows in the other tables, ready to send. */
final class Chunk {

    final StringBuilder contacts = new StringBuilder(1 << 20);
    final StringBuilder emails = new StringBuilder(1 << 16);
    final StringBuilder tags = new StringBuilder(1 << 18);
    final StringBuilder followUps = new StringBuilder(1 << 18);
    final StringBuilder searchKeys = new StringBuilder(1 << 21);
    int contactCount;
    int emailCount;
    int tagCount;
    int followUpCount;

    /** Appends one field in COPY's text format, {@code \N} for null, then a tab or end of line. */
    static void field(StringBuilder row, Object value, boolean last) {
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        row.append(last ? '\n' : '\t');
    }

    static void nullField(StringBuilder row, boolean last) {
        row.append("\\N").append(last ? '\n' : '\t');
    }
}
