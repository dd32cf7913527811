/**
 * The inbound sync of contacts by external id: NDJSON bodies read line by line and stored in
 * batches through the import's path, with a result per line streamed back.
 */
@NullMarked
package io.liaison.integration.sync;

import org.jspecify.annotations.NullMarked;
