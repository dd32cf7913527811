package io.liaison.shared;

import java.util.Map;
import java.util.UUID;

/**
 * The labels of an organization's custom fields by key, so that a text naming a custom field's
 * value (the audit log, a contact's timeline) reads 预算, not the key {@code budget}.
 */
public interface CustomFieldLabels {

    Map<String, String> labels(UUID orgId);
}
