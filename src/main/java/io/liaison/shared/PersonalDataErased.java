package io.liaison.shared;

import java.util.UUID;

/**
 * A record's personal data is gone for good (a contact purged from the trash). Whoever keeps copies
 * of its values, such as the audit log's before and after, removes them in the same transaction.
 */
public interface PersonalDataErased {

    UUID orgId();

    String targetType();

    UUID targetId();
}
