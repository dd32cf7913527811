/**
 * The files chat messages carry: uploads stored by their SHA-256 under the data directory, their
 * type detected from the bytes, previews of images, and who may read them.
 */
@NullMarked
package io.liaison.chat.file;

import org.jspecify.annotations.NullMarked;
