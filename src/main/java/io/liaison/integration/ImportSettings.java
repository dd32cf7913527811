package io.liaison.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Imports ({@code liaison.integration.imports.*}, set through the {@code LIAISON_IMPORT_*} variables
 * the README documents): the largest file accepted, how
 * many records one transaction takes, and how long files and finished jobs (exports too) are kept;
 * then the limits of what one file may hold, so that a small upload cannot exhaust memory: records
 * (rows or cards), columns, characters in a cell, and for a workbook (a ZIP) the inflated size of
 * each of its parts and how many times that part may be larger than its compressed bytes.
 */
@ConfigurationProperties("liaison.integration.imports")
record ImportSettings(
        @DefaultValue("200MB") DataSize maxFileSize,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("24h") Duration keepFiles,
        @DefaultValue("1000000") int maxRows,
        @DefaultValue("200") int maxColumns,
        @DefaultValue("32767") int maxCellChars,
        @DefaultValue("100MB") DataSize maxEntrySize,
        @DefaultValue("100") int maxCompressionRatio) {}
