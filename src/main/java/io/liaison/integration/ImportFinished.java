package io.liaison.integration;

import java.util.UUID;

/**
 * An import job ended ({@code completed}, {@code failed} or {@code cancelled}) with its counts.
 * Published in the transaction that records the end, so that its starter hears of it once.
 */
public record ImportFinished(
        UUID orgId,
        UUID memberId,
        UUID jobId,
        String fileName,
        String status,
        int created,
        int updated,
        int unchanged,
        int skipped,
        int failed) {}
