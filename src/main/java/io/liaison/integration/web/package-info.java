/** The import and export pages: upload with a mapping preview and live progress, export downloads. */
@NullMarked
package io.liaison.integration.web;

import org.jspecify.annotations.NullMarked;
