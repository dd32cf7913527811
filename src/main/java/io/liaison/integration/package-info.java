/**
 * Import and export of contacts: CSV, XLSX and vCard files read in batches by background jobs that
 * resume after a restart, and exports that stream what the member may see; outbound webhooks that
 * send the change feed to other systems, signed, in order per contact.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "access", "contact", "channel"})
@NullMarked
package io.liaison.integration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
