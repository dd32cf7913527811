package io.liaison.review.finding;

import java.util.Map;
import java.util.UUID;

/**
 * One finding a review run computed: the contact, its kind ({@code stale}, {@code invalid}, {@code
 * incomplete}, {@code duplicate}), its reason (a code under {@code review.reason.*} in the bundles, for
 * example {@code invalid.mobile}) and the reason's arguments, small values only.
 */
public record Found(UUID contactId, String kind, String reason, Map<String, Object> detail) {}
