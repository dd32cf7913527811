package io.liaison.push.template;

/**
 * A template rendered for one recipient: the subject (plain text), the body as plain text (the
 * Markdown's marks taken out), as Markdown (for robots and the chat) and as sanitised HTML (for
 * e-mail and the preview).
 */
public record Rendered(String subject, String text, String markdown, String html) {}
