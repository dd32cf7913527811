/**
 * The workbench and analytics: the home page with what needs attention today, and figures of the
 * activity of external contacts and the effect of communication, kept by day from everyone's events
 * ({@code analytics_*} tables, see {@link io.liaison.analytics.Metric}) and shown as charts and tables
 * by day, week and month, by member, department and tag, within what the viewer's data scope covers.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "identity",
            "access",
            "contact",
            "task",
            "chat",
            "push",
            "channel",
            "notify",
            "review"
        })
@NullMarked
package io.liaison.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
