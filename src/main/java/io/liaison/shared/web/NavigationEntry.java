package io.liaison.shared.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One link of the page layout's navigation, contributed as a Spring bean by the module that owns the
 * page. {@code labelKey} names a message in both bundles; {@code icon} is the name of a Bootstrap
 * Icons glyph drawn before the label (for example {@code people} for {@code bi-people}); a {@code
 * permission} code limits the entry to members who hold it ({@code null}: every member); entries of
 * a menu are shown by ascending {@code order}.
 */
public record NavigationEntry(
        String labelKey, String path, String icon, @Nullable String permission, Menu menu, int order) {

    private static final Pattern ICON_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

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
        if (!ICON_NAME.matcher(icon).matches()) {
            throw new IllegalArgumentException("A navigation icon is a Bootstrap Icons name: " + icon);
        }
    }

    /** Whether the page at {@code currentPath} is this entry's page or one below it. */
    boolean covers(String currentPath) {
        return path.equals("/")
                ? currentPath.equals("/")
                : currentPath.equals(path) || currentPath.startsWith(path + "/");
    }
}
