/**
 * What every module uses: ids, problem types, the database bootstrap and web-wide conventions.
 * An open module: any other module may depend on it, it depends on none.
 *
 * <p><b>Settings.</b> {@link io.liaison.shared.LiaisonProperties} holds only what every module
 * shares: the data directory, the database, the base URL and the locale. A module binds its own
 * settings in a record of its own ({@code @ConfigurationProperties}, found by the application's
 * scan), package-private unless another package of the same module needs it. Its prefix is {@code
 * liaison.<module>} ({@code liaison.identity.login}, {@code liaison.contact.trash}, {@code
 * liaison.integration.imports}); {@code application.properties} maps the environment variables
 * users set ({@code LIAISON_LOGIN_*}, {@code LIAISON_TRASH_RETENTION}, {@code LIAISON_IMPORT_*})
 * to them, so that those names stay as the README gives them.
 *
 * <p><b>Events.</b> Two patterns, for two needs:
 *
 * <ul>
 *   <li>A module reacting to another module's event uses {@code @ApplicationModuleListener}: the
 *       publication is recorded in the event publication registry (the outbox, table {@code
 *       event_publication}) in the publishing transaction, and the listener runs after the commit,
 *       in a transaction of its own. The publisher's work never fails or waits because of another
 *       module, and a reaction that failed, or whose node died, stays recorded and is delivered again
 *       ({@code shared.events.StaleEventRedelivery} after ten minutes, and on the next start), so the
 *       listener must bear being called twice. Example: {@code contact}'s default tag
 *       groups on {@code identity}'s {@code OrganizationCreated}.
 *   <li>The audit trail ({@code audit.AuditRecorder}) is a plain {@code @EventListener} and runs
 *       inside the publishing transaction: an audited change and its entry are committed together
 *       or not at all, and a redaction of erased personal data happens with the erasure. A change
 *       made outside a transaction is refused rather than left unaudited.
 * </ul>
 *
 * <p>Listeners on the application's own lifecycle ({@code ApplicationReadyEvent}) stay plain
 * {@code @EventListener}s; they react to no module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.liaison.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
