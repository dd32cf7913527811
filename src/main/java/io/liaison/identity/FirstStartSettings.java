package io.liaison.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the first start creates: the password of {@code admin} (generated when unset) and the name
 * and time zone of the first organization. Bound from {@code liaison.identity.first-start.*}, which
 * {@code LIAISON_ADMIN_PASSWORD}, {@code LIAISON_ORG_NAME} and {@code LIAISON_ORG_TIME_ZONE} set (no
 * zone: the zone of the language); the language is the shared {@code liaison.locale}.
 */
@ConfigurationProperties("liaison.identity.first-start")
record FirstStartSettings(
        @Nullable String adminPassword,
        @DefaultValue("Liaison") String organizationName,
        @Nullable String timeZone) {}
