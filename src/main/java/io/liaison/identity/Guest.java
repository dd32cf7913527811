package io.liaison.identity;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An external contact who logs in to the conversations they were invited to. {@code locale} is their
 * organization's language, which their pages use unless they switch; {@code timeZone} their
 * organization's, in which they see times. Serializable: a guest's session holds it.
 */
public record Guest(
        UUID orgId,
        UUID id,
        UUID contactId,
        String displayName,
        String login,
        String orgCode,
        String orgName,
        String locale,
        ZoneId timeZone)
        implements Caller, Serializable {}
