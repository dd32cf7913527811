package io.liaison.shared.database;

import java.nio.file.Path;

/** A second Liaison was started on a data directory that a running one holds. */
public class DataDirectoryInUseException extends IllegalStateException {

    public DataDirectoryInUseException(Path dataDir, String holderPid) {
        super("Another Liaison (pid " + holderPid + ") is already running with the data directory "
                + dataDir.toAbsolutePath()
                + ". Stop it first, or start this one with a different LIAISON_DATA_DIR.");
    }
}
