package io.liaison.shared.database;

import java.nio.file.Path;

/** A second Liaison was started on a data directory that a running one holds. */
public class DataDirectoryInUseException extends IllegalStateException {

    static final String ACTION = "Stop it first, or start this one with a different LIAISON_DATA_DIR.";

    private final String situation;

    public DataDirectoryInUseException(Path dataDir, String holderPid) {
        this(situation(dataDir, holderPid));
    }

    private DataDirectoryInUseException(String situation) {
        super(situation + " " + ACTION);
        this.situation = situation;
    }

    private static String situation(Path dataDir, String holderPid) {
        return "Another Liaison (pid " + holderPid + ") is already running with the data directory "
                + dataDir.toAbsolutePath().normalize() + ".";
    }

    /** What happened, without the advice. */
    String situation() {
        return situation;
    }
}
