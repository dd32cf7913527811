package io.liaison.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * One link of the page layout's navigation, contributed as a Spring bean by the module that owns the
 * page. {@code labelKey} names a message in both bundles; a {@code permission} code limits the entry
 * to members who hold it ({@code null}: every member); entries of a menu are shown by ascending
 * {@code order}.
 */
public record NavigationEntry(
        String labelKey, String path, @Nullable String permission, Menu menu, int order) {

    /** Where the layout shows an entry: the navbar, its "More" dropdown or the account dropdown. */
    public enum Menu {
        MAIN,
        MORE,
        ACCOUNT
    }

    public NavigationEntry {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A navigation path starts with '/': " + path);
        }
    }

    /** Whether the page at {@code currentPath} is this entry's page or one below it. */
    boolean covers(String currentPath) {
        return path.equals("/")
                ? currentPath.equals("/")
                : currentPath.equals(path) || currentPath.startsWith(path + "/");
    }
}
