package io.liaison.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.BuiltinRole;
import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import io.liaison.identity.Permissions;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The permissions the modules declare: which module declares which (written from issue 15), that
 * identity collects exactly those, that the built-in roles hold what {@link MatrixRules} says issue 4
 * gives them, that every one is labelled in both bundles, and that a code declared twice stops the
 * start.
 */
@LiaisonIntegrationTest
class DeclaredPermissionsIntegrationTests {

    @Autowired
    Permissions permissions;

    @Autowired
    List<PermissionSet> sets;

    @Test
    void eachModuleDeclaresItsOwnPermissionsAndIdentityCollectsExactlyThose() {
        Map<String, Set<String>> byModule = new TreeMap<>();
        for (PermissionSet set : sets) {
            String module = set.getClass().getPackageName().replace("io.liaison.", "");
            byModule.computeIfAbsent(module, m -> new TreeSet<>())
                    .addAll(set.permissions().stream().map(Permission::code).toList());
        }
        assertThat(byModule)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "access",
                        Set.of(
                                "contact.create",
                                "contact.edit",
                                "contact.delete",
                                "contact.assign",
                                "contact.reveal",
                                "contact.export",
                                "contact.purge"),
                        "contact",
                        Set.of("tag.manage", "field.manage"),
                        "audit",
                        Set.of("audit.read"),
                        "identity",
                        Set.of("member.manage", "role.manage"),
                        "channel",
                        Set.of("channel.manage"),
                        "push",
                        Set.of("push.send", "push.approve"),
                        "task",
                        Set.of("task.manage"),
                        "integration",
                        Set.of("integration.manage"),
                        "review",
                        Set.of("review.campaign", "review.handover"),
                        "analytics",
                        Set.of("analytics.rebuild")));
        assertThat(codes(permissions.all())).isEqualTo(MatrixRules.PERMISSIONS.get(MatrixRules.Role.ADMIN));
    }

    @Test
    void builtInRolesHoldWhatIssueFourGivesThem() {
        for (BuiltinRole role : BuiltinRole.values()) {
            List<Permission> held =
                    permissions.all().stream().filter(p -> p.heldBy(role)).toList();
            assertThat(codes(held))
                    .as(role.name())
                    .isEqualTo(MatrixRules.PERMISSIONS.get(MatrixRules.Role.valueOf(role.name())));
        }
    }

    @Test
    void everyPermissionAndGroupHasALabelInBothBundles() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties labels = new Properties();
            try (Reader in = new InputStreamReader(
                    getClass().getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                labels.load(in);
            }
            assertThat(permissions.all()).allSatisfy(p -> {
                assertThat(labels.getProperty(p.messageKey())).as(bundle).isNotBlank();
                assertThat(labels.getProperty(p.groupMessageKey())).as(bundle).isNotBlank();
            });
        }
    }

    @Test
    void twoModulesDeclaringOneCodeStopTheStart() {
        PermissionSet contacts = () -> List.of(new Permission("contact.export", "contacts", 150, Set.of()));
        PermissionSet reports = () -> List.of(new Permission("contact.export", "reports", 900, Set.of()));
        new ApplicationContextRunner()
                .withBean("contacts", PermissionSet.class, () -> contacts)
                .withBean("reports", PermissionSet.class, () -> reports)
                .withBean(Permissions.class)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessage("The permission contact.export is declared twice"));
    }

    @Test
    void distinctCodesStartAndAreOrderedForTheRolesPage() {
        PermissionSet later = () -> List.of(new Permission("report.read", "reports", 900, Set.of()));
        PermissionSet earlier = () -> List.of(new Permission("contact.export", "contacts", 150, Set.of()));
        new ApplicationContextRunner()
                .withBean("later", PermissionSet.class, () -> later)
                .withBean("earlier", PermissionSet.class, () -> earlier)
                .withBean(Permissions.class)
                .run(context -> assertThat(
                                codes(context.getBean(Permissions.class).all()))
                        .containsExactly("contact.export", "report.read"));
    }

    private static Set<String> codes(List<Permission> list) {
        return list.stream().map(Permission::code).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
