package io.liaison.push.template;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A template rendered for one recipient: the subject (plain text), the body as plain text (the
 * Markdown's marks taken out), as Markdown (for robots and the chat) and as sanitised HTML (for
 * e-mail and the preview).
 */
@Schema(
        example = "{\"subject\":\"张三，新品到了\",\"text\":\"你好，张三！\",\"markdown\":\"你好，**张三**！\","
                + "\"html\":\"<p>你好，<strong>张三</strong>！</p>\"}")
public record Rendered(String subject, String text, String markdown, String html) {}
