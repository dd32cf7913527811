package io.liaison.chat.file;

/**
 * A file's name as it is kept and offered for download: the last part of a path a browser may send
 * ({@code C:\Users\me\报价单.pdf} keeps {@code 报价单.pdf}), without control or formatting characters
 * (a right-to-left override could make {@code gpj.exe} read as {@code exe.jpg}), trimmed, at most
 * {@value #MAX} characters.
 */
final class FileNames {

    static final int MAX = 255;

    private static final String NAMELESS = "file";

    private FileNames() {}

    static String clean(String uploaded) {
        String last = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1);
        StringBuilder name = new StringBuilder(last.length());
        last.codePoints()
                .filter(c -> Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT)
                .forEach(name::appendCodePoint);
        String kept = name.toString().strip();
        if (kept.length() > MAX) {
            // the extension is what a reader's computer opens the file by: the stem is shortened
            int dot = kept.lastIndexOf('.');
            String extension = dot > 0 && kept.length() - dot <= 16 ? kept.substring(dot) : "";
            kept = cut(kept.substring(0, kept.length() - extension.length()), MAX - extension.length()) + extension;
        }
        return kept.isEmpty() || kept.equals(".") || kept.equals("..") ? NAMELESS : kept;
    }

    private static String cut(String text, int max) {
        int end = Math.min(text.length(), max);
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end).strip();
    }
}
