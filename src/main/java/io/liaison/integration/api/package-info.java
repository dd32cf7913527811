/** The REST API of imports and exports. */
@NullMarked
package io.liaison.integration.api;

import org.jspecify.annotations.NullMarked;
