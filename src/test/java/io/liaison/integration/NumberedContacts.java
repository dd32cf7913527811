package io.liaison.integration;

import java.nio.charset.StandardCharsets;

/** A CSV of many numbered contacts for the import tests: {@code 重启0,18800000000}, {@code 重启1,...}. */
public final class NumberedContacts {

    private NumberedContacts() {}

    /**
     * {@code header}, then {@code rows} lines of {@code name} with the line's number and a mobile of
     * {@code prefix} and the number in seven digits, as UTF-8.
     */
    public static byte[] csv(String header, String name, String prefix, int rows) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < rows; i++) {
            csv.append(name)
                    .append(i)
                    .append(',')
                    .append(prefix)
                    .append(String.format("%07d", i))
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
