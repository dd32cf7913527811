package io.liaison.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the first start creates: the password of {@code admin} (generated when unset) and the name
 * of the first organization. Bound from {@code liaison.admin-password} and {@code
 * liaison.organization-name}, the names users already set ({@code LIAISON_ADMIN_PASSWORD}, {@code
 * LIAISON_ORG_NAME}); the language is the shared {@code liaison.locale}.
 */
@ConfigurationProperties("liaison")
record FirstStartSettings(
        @Nullable String adminPassword,
        @DefaultValue("Liaison") String organizationName) {}
