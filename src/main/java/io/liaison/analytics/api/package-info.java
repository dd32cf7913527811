/** The analytics module's REST API: figures, the workbench and a contact's engagement. */
@NullMarked
package io.liaison.analytics.api;

import org.jspecify.annotations.NullMarked;
