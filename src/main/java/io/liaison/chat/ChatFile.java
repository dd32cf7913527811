package io.liaison.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored file as a message carries it: its name as uploaded, the media type detected from its
 * bytes (never the name or the client's word), its size, and whether it is an image with a preview.
 */
public record ChatFile(UUID id, String name, String mediaType, long size, boolean image, Instant createdAt) {}
