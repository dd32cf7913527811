package io.liaison.identity;

import java.util.UUID;

/**
 * Whoever a request runs for: a member ({@link Actor}) or a guest ({@link Guest}). The few APIs that
 * both use (a guest's conversations, the chat socket) take a {@code Caller} and tell the two apart
 * by their type; every other API takes an {@link Actor} and is not found for a guest.
 */
public sealed interface Caller permits Actor, Guest {

    UUID orgId();
}
