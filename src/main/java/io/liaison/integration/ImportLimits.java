package io.liaison.integration;

/**
 * What one imported file may hold ({@code LIAISON_IMPORT_MAX_*}): records, columns, characters in a
 * cell, and for a workbook the inflated bytes of each ZIP entry and its compression ratio.
 */
record ImportLimits(int maxRows, int maxColumns, int maxCellChars, long maxEntrySize, int maxCompressionRatio) {

    static ImportLimits of(ImportSettings imports) {
        return new ImportLimits(
                imports.maxRows(),
                imports.maxColumns(),
                imports.maxCellChars(),
                imports.maxEntrySize().toBytes(),
                imports.maxCompressionRatio());
    }
}
