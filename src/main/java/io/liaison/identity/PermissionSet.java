package io.liaison.identity;

import java.util.List;

/**
 * The permissions a module checks, declared by a bean in the module's own package; {@link
 * Permissions} collects every module's set at start.
 */
public interface PermissionSet {

    List<Permission> permissions();
}
