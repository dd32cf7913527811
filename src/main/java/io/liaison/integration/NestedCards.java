package io.liaison.integration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The text of a vCard file with cards nested in other cards (as some phones write groups) moved
 * after the card that holds them, so that each is read as a card of its own instead of being
 * dropped. A card embedded as the value of an AGENT property stays where it is.
 */
final class NestedCards extends Reader {

    private final BufferedReader in;
    private final Deque<Moving> nested = new ArrayDeque<>();
    private final StringBuilder moved = new StringBuilder();
    private String pending = "";
    private int offset;
    private int depth;
    private boolean agent;

    NestedCards(Reader in) {
        this.in = new BufferedReader(in, 1 << 16);
    }

    @Override
    public int read(char[] buffer, int from, int length) throws IOException {
        while (offset == pending.length()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, pending.length() - offset);
        pending.getChars(offset, offset + n, buffer, from);
        offset += n;
        return n;
    }

    /** Reads lines until some text can be handed out; false at the end of the file. */
    private boolean fill() throws IOException {
        String line = in.readLine();
        if (line == null) {
            pending = moved.toString();
            moved.setLength(0);
            offset = 0;
            return !pending.isEmpty();
        }
        String upper = line.strip().toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        if (upper.equals("BEGIN:VCARD")) {
            if (depth > 0 && !agent) {
                nested.push(new Moving(depth, new StringBuilder()));
            }
            depth++;
        }
        StringBuilder target = nested.isEmpty() ? out : nested.peek().text();
        target.append(line).append("\r\n");
        if (upper.equals("END:VCARD") && depth > 0) {
            depth--;
            if (!nested.isEmpty() && depth == nested.peek().depth()) {
                moved.append(nested.pop().text());
            }
            if (depth == 0) {
                out.append(moved);
                moved.setLength(0);
            }
        }
        agent = upper.startsWith("AGENT") && upper.endsWith(":");
        pending = out.toString();
        offset = 0;
        return true;
    }

    /** A nested card on its way out: the depth it began at, and its text so far. */
    private record Moving(int depth, StringBuilder text) {}

    @Override
    public void close() throws IOException {
        in.close();
    }
}
