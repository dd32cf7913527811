/** The audit log's REST resource, {@code /api/v1/audit-events}, for administrators. */
@NullMarked
package io.liaison.audit.api;

import org.jspecify.annotations.NullMarked;
