package io.liaison.contact.tag;

import io.liaison.identity.OrganizationCreated;
import io.liaison.shared.Ids;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new organization the tag groups most companies start with, in its language, so that
 * tagging works before anyone has set it up. A reaction of {@code contact} to {@code identity}'s
 * event, so it goes through the event publication registry: it runs once the organization is
 * committed, in a transaction of its own, and a failure leaves the publication incomplete, to be
 * delivered again by a living node after ten minutes, or on the next start. An organization that has tag groups already (a publication
 * delivered twice) is left as it is.
 */
@Component
class DefaultTagGroups {

    private record Preset(String name, String color, boolean exclusive, List<String> tags) {}

    private static final List<Preset> CHINESE = List.of(
            new Preset("类型", "#2563EB", false, List.of("客户", "供应商", "合作伙伴", "渠道商")),
            new Preset("级别", "#D97706", true, List.of("重要", "普通")),
            new Preset("来源", "#059669", false, List.of("线下活动", "转介绍", "官网")));

    private static final List<Preset> ENGLISH = List.of(
            new Preset("Type", "#2563EB", false, List.of("Customer", "Supplier", "Partner", "Reseller")),
            new Preset("Level", "#D97706", true, List.of("Key", "Regular")),
            new Preset("Source", "#059669", false, List.of("Event", "Referral", "Website")));

    private final TagGroupRepository groups;
    private final TagRepository tags;

    DefaultTagGroups(TagGroupRepository groups, TagRepository tags) {
        this.groups = groups;
        this.tags = tags;
    }

    @ApplicationModuleListener
    void on(OrganizationCreated event) {
        if (!groups.findAll(event.orgId()).isEmpty()) {
            return;
        }
        List<Preset> presets = event.locale().startsWith("zh") ? CHINESE : ENGLISH;
        for (int g = 0; g < presets.size(); g++) {
            Preset preset = presets.get(g);
            UUID groupId = Ids.newId();
            groups.insert(event.orgId(), groupId, preset.name(), preset.color(), g, preset.exclusive());
            for (int t = 0; t < preset.tags().size(); t++) {
                tags.insert(event.orgId(), Ids.newId(), groupId, preset.tags().get(t), t);
            }
        }
    }
}
