/** The workbench's figures for the signed-in member, read through the other modules' public facades. */
@NullMarked
package io.liaison.analytics.workbench;

import org.jspecify.annotations.NullMarked;
