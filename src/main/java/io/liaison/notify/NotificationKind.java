package io.liaison.notify;

import java.util.Set;

/**
 * A kind of notification, contributed as a bean by the module that raises it, so that a new kind
 * never means editing {@code notify}: the preferences page lists every kind bean. {@code code} is
 * stable (stored with each notification and preference); {@code label} is the message code of its
 * name on the preferences page. {@code urgent} kinds ignore quiet hours. {@code defaults} is where
 * it goes for a member who has not chosen: a subset of {@link #IN_APP}, {@link #EMAIL}, {@link
 * #ROBOT} (the member's first personal robot).
 */
public record NotificationKind(String code, String label, boolean urgent, Set<String> defaults) {

    public static final String IN_APP = "inapp";
    public static final String EMAIL = "email";
    public static final String ROBOT = "robot";

    public NotificationKind {
        defaults = Set.copyOf(defaults);
        if (!Set.of(IN_APP, EMAIL, ROBOT).containsAll(defaults)) {
            throw new IllegalArgumentException("Unknown default channels of " + code + ": " + defaults);
        }
    }
}
