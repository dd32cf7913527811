package io.liaison.demo;

import java.util.UUID;

/**
 * Work that follows a demo data load, once its rows are committed, such as recomputing figures kept
 * from events: the demo writes the source tables directly, so no event tells anyone about its rows.
 * Every bean of this type runs after each load, in no particular order.
 */
public interface AfterDemoData {

    /** What it recomputes, for the command's progress lines, such as "the analytics figures". */
    String what();

    /** Recomputes what it keeps for organization {@code orgId}. */
    void run(UUID orgId);
}
