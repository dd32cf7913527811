package io.liaison.review;

import io.liaison.identity.BuiltinRole;
import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Starting review campaigns (administrators and managers: each owner in the campaign reviews their
 * own list), and handing a leaving member's contacts, conversations and tasks to another member
 * (administrators).
 */
@Component
public class ReviewPermissions implements PermissionSet {

    public static final Permission CAMPAIGN =
            new Permission("review.campaign", "review", 600, Set.of(BuiltinRole.MANAGER));
    public static final Permission HANDOVER = new Permission("review.handover", "review", 610, Set.of());

    @Override
    public List<Permission> permissions() {
        return List.of(CAMPAIGN, HANDOVER);
    }
}
