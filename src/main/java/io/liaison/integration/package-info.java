/**
 * Import and export of contacts: CSV, XLSX and vCard files read in batches by background jobs that
 * resume after a restart, and exports that stream what the member may see.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "access", "contact"})
@NullMarked
package io.liaison.integration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
