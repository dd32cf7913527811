package io.liaison.integration;

import java.util.UUID;

/**
 * The system turned one of the organization's webhook endpoints off because its deliveries kept
 * failing: {@code failures} attempts in a row, none through for {@code days} days.
 */
public record WebhookDisabled(UUID orgId, UUID endpointId, String url, int failures, long days) {}
