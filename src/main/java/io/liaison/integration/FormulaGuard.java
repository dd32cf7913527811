package io.liaison.integration;

/**
 * Keeps spreadsheet programs from running a CSV cell as a formula (CSV injection, OWASP): a cell that
 * starts with {@code = + - @}, a tab or a carriage return, also after leading spaces, is written with a
 * leading {@code '}, which makes it text; so is a cell that starts with {@code '} itself, so that the
 * import can take exactly one {@code '} away again and read every export back unchanged.
 */
final class FormulaGuard {

    private FormulaGuard() {}

    /** The cell as written to a CSV export. */
    static String escape(String cell) {
        return needsQuote(cell) ? "'" + cell : cell;
    }

    /** The cell as an export wrote it, read back: the {@code '} that {@link #escape} added is removed. */
    static String unescape(String cell) {
        return cell.startsWith("'") && needsQuote(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsQuote(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r' || first == '\'') {
            return true;
        }
        String rest = cell.stripLeading();
        return !rest.isEmpty() && "=+-@".indexOf(rest.charAt(0)) >= 0;
    }
}
