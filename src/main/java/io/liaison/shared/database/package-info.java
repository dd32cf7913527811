/** Liaison's PostgreSQL: the external one of {@code LIAISON_DB_URL}, or the embedded one it runs itself. */
@NullMarked
package io.liaison.shared.database;

import org.jspecify.annotations.NullMarked;
