/**
 * A push's templates: the variables a subject and body hold, their rendering per contact (text,
 * Markdown and sanitised HTML), the saved templates, their REST resource and their page.
 */
@NullMarked
package io.liaison.push.template;

import org.jspecify.annotations.NullMarked;
