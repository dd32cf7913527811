/** The analytics module's REST API: the workbench's figures and the analytics series. */
@NullMarked
package io.liaison.analytics.api;

import org.jspecify.annotations.NullMarked;
