package io.liaison.analytics.api;

import io.liaison.analytics.workbench.Workbench;
import io.liaison.analytics.workbench.WorkbenchView;
import io.liaison.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The home page's figures for the caller, as the workbench shows them. */
@RestController
class WorkbenchController {

    private final Workbench workbench;

    WorkbenchController(Workbench workbench) {
        this.workbench = workbench;
    }

    @Operation(
            summary = "What needs the caller's attention today",
            description = "Their contacts and the ones new this week, their overdue and due-today tasks, today's"
                    + " events, contacts due for a touch, open review findings, unread chats and their contacts"
                    + " lately in touch; with the figures of the members their data scope covers when it covers"
                    + " more than their own. Today and this week (from Monday) are the caller's, in their time zone.")
    @GetMapping("/api/v1/workbench")
    WorkbenchView workbench(Actor actor) {
        return workbench.of(actor);
    }
}
