package io.liaison.integration;

import java.util.UUID;

/**
 * An export job ended, {@code completed} with its row count or {@code failed}. Published in the
 * transaction that records the end, so that its starter hears of it once.
 */
public record ExportFinished(UUID orgId, UUID memberId, UUID jobId, String format, String status, int rows) {}
