package io.liaison.contact.trash;

import org.springframework.context.ApplicationContext;

/** Runs the trash purge for tests of other modules, which cannot see its class. */
public final class Purges {

    private Purges() {}

    /** Purges every contact whose retention in the trash is over; answers how many. */
    public static int purge(ApplicationContext context) {
        return context.getBean(TrashPurge.class).purge();
    }
}
