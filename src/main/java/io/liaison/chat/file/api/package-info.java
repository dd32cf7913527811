/** {@code /api/v1/files}: uploading a file for a message, downloading it and an image's preview. */
@NullMarked
package io.liaison.chat.file.api;

import org.jspecify.annotations.NullMarked;
