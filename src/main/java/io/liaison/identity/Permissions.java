package io.liaison.identity;

import io.liaison.shared.LiaisonException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every permission the modules declare, collected once at start: two declarations of one code stop
 * the start. Roles, the role API and the roles page know permissions only from here.
 */
@Component
public class Permissions {

    private final List<Permission> all;
    private final Map<String, Permission> byCode = new HashMap<>();
    private final Map<BuiltinRole, Set<Permission>> byBuiltin = new EnumMap<>(BuiltinRole.class);

    public Permissions(List<PermissionSet> sets) {
        for (PermissionSet set : sets) {
            for (Permission p : set.permissions()) {
                if (byCode.putIfAbsent(p.code(), p) != null) {
                    throw new IllegalStateException("The permission " + p.code() + " is declared twice");
                }
            }
        }
        all = byCode.values().stream()
                .sorted(Comparator.comparingInt(Permission::order).thenComparing(Permission::code))
                .toList();
        for (BuiltinRole role : BuiltinRole.values()) {
            byBuiltin.put(role, all.stream().filter(p -> p.heldBy(role)).collect(Collectors.toUnmodifiableSet()));
        }
    }

    /** In the order of the roles page. */
    public List<Permission> all() {
        return all;
    }

    /** The permission with this code; 400 naming {@code permissions} when there is none. */
    public Permission parse(String code) {
        Permission p = byCode.get(code);
        if (p == null) {
            throw LiaisonException.invalid(
                    "permissions",
                    "invalid.one-of",
                    all.stream().map(Permission::code).collect(Collectors.joining(", ")));
        }
        return p;
    }

    /**
     * What a role grants: a built-in one what the modules give it (the same set on every request), a
     * custom one what it stored.
     */
    Set<Permission> granted(@Nullable BuiltinRole builtin, String[] stored) {
        if (builtin != null) {
            return byBuiltin.get(builtin);
        }
        Set<Permission> set = new HashSet<>();
        for (String code : stored) {
            Permission p = byCode.get(code);
            if (p != null) {
                set.add(p);
            }
        }
        return Set.copyOf(set);
    }
}
